/** Words and limits the screens show without loading the AWS SDK. */
export const DELETE_WARNING =
  'Nothing serves it now (load balancers in the regions looked at, CloudFront); a delete cannot be undone, so keep the certificate and key files if you may need it again.';
export const KEY_NOT_READABLE =
  'IAM never returns the private key of a server certificate; keep your own copy (preparing writes it as private-key.pem).';

/** IAM allows two signing certificates per user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;
