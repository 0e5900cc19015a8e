/** Something that serves an IAM server certificate. */
export interface Consumer {
  kind: 'ELB' | 'ALB' | 'NLB' | 'CloudFront';
  /** Load balancers are regional; CloudFront is global. */
  region?: string;
  /** The load balancer's name or the distribution's ID. */
  name: string;
  arn?: string;
  /** "HTTPS:443", for listeners. */
  listener?: string;
  /** The listener's port: a classic load balancer's listener is named by it. */
  port?: number;
  listenerArn?: string;
  /** ELBv2: the listener's default certificate, or one of its SNI certificates. */
  role?: 'default' | 'sni';
  /** CloudFront: the distribution's alternate domain names. */
  domains?: string[];
  /** How it names the certificate: an ARN (load balancers) or the ServerCertificateId (CloudFront). */
  certificate: { arn?: string; id?: string };
}

/** A region (or CloudFront) that could not be looked at: a note, not a failure of the whole map. */
export interface ScanNote {
  where: string;
  code: string;
  message: string;
  fix: string;
  /** The fix in the app's words, where it differs. */
  appFix?: string;
}
