/** Words and limits the screens show without loading the AWS SDK. */
/** What to know before deleting: said of one certificate or of several. */
export const deleteWarning = (count = 1) =>
  count === 1
    ? 'Nothing serves it now (load balancers in the regions looked at, CloudFront); a delete cannot be undone, so keep the certificate and key files if you may need it again.'
    : `Nothing serves any of the ${count} now (load balancers in the regions looked at, CloudFront); a delete cannot be undone, so keep their certificate and key files if you may need them again.`;
export const DELETE_WARNING = deleteWarning();
export const KEY_NOT_READABLE =
  'IAM never returns the private key of a server certificate; keep your own copy (preparing writes it as private-key.pem).';

/** IAM allows two signing certificates per user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;
