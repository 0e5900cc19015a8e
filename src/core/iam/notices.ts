/** Words and limits the screens show without loading the AWS SDK. */
export const DELETE_WARNING = 'A load balancer listener or CloudFront distribution still using this certificate stops serving HTTPS once it is deleted.';
export const KEY_NOT_READABLE = 'IAM never returns the private key of a server certificate; keep your own copy (iamcert prepare writes private-key.pem).';

/** IAM allows two signing certificates per user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;
