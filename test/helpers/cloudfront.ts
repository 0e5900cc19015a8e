import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ConnectionOptions } from '../../src/core/iam/client.js';

type Handler = NonNullable<ConnectionOptions['requestHandler']>;

const NS = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface Distribution {
  id: string;
  aliases: string[];
  certificateId: string;
  etag: string;
}

export interface CloudFrontFake {
  handler: Handler;
  distribution: Distribution;
  /** Every UpdateDistribution: the If-Match sent and the config body. */
  updates: Array<{ ifMatch?: string; body: string }>;
  /**
   * The next n updates are answered PreconditionFailed, as when someone else changed it meanwhile (the ETag moves on).
   */
  preconditionFailures: number;
}

const configXml = (distribution: Distribution) =>
  `<DistributionConfig xmlns="${NS}"><CallerReference>ref-1</CallerReference><Aliases><Quantity>${distribution.aliases.length}</Quantity><Items>${distribution.aliases.map((alias) => `<CNAME>${alias}</CNAME>`).join('')}</Items></Aliases><DefaultRootObject></DefaultRootObject><Origins><Quantity>1</Quantity><Items><Origin><Id>o1</Id><DomainName>origin.example</DomainName><CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort><OriginProtocolPolicy>https-only</OriginProtocolPolicy></CustomOriginConfig></Origin></Items></Origins><DefaultCacheBehavior><TargetOriginId>o1</TargetOriginId><ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy></DefaultCacheBehavior><Comment>served</Comment><Enabled>true</Enabled><ViewerCertificate><IAMCertificateId>${distribution.certificateId}</IAMCertificateId><SSLSupportMethod>sni-only</SSLSupportMethod><MinimumProtocolVersion>TLSv1.2_2021</MinimumProtocolVersion><Certificate>${distribution.certificateId}</Certificate><CertificateSource>iam</CertificateSource></ViewerCertificate><HttpVersion>http2</HttpVersion></DistributionConfig>`;

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return {
    response: {
      statusCode: status,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomBytes(8).toString('hex'), ...headers },
      body: Readable.from([Buffer.from(body)]),
    },
  };
}

/**
 * CloudFront as the real API answers, where moto falls short: its list leaves out
 * ViewerCertificate (as moto's does), GetDistributionConfig returns an ETag, and UpdateDistribution
 * checks If-Match against it and moves it on. Every other service's call gets an empty listing.
 */
export function cloudFrontFake(distribution: Distribution): CloudFrontFake {
  const fake: CloudFrontFake = {
    distribution,
    updates: [],
    preconditionFailures: 0,
    handler: {
      async handle(request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) {
        const listing = request.path.match(/\/distribution\/?$/);
        const config = request.path.match(/\/distribution\/([^/]+)\/config$/);
        if (listing && request.method === 'GET') {
          return respond(
            200,
            `<DistributionList xmlns="${NS}"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity><Items><DistributionSummary><Id>${distribution.id}</Id><ARN>arn:aws:cloudfront::123456789012:distribution/${distribution.id}</ARN><Status>Deployed</Status><DomainName>d111.cloudfront.net</DomainName><Aliases><Quantity>${distribution.aliases.length}</Quantity><Items>${distribution.aliases.map((alias) => `<CNAME>${alias}</CNAME>`).join('')}</Items></Aliases><Enabled>true</Enabled></DistributionSummary></Items></DistributionList>`,
          );
        }
        if (config && request.method === 'GET')
          return respond(200, configXml(distribution), { etag: distribution.etag });
        if (config && request.method === 'PUT') {
          const body = String(request.body ?? '');
          const ifMatch = request.headers['if-match'] ?? request.headers['If-Match'];
          fake.updates.push({ ifMatch, body });
          if (fake.preconditionFailures > 0 || ifMatch !== distribution.etag) {
            fake.preconditionFailures = Math.max(0, fake.preconditionFailures - 1);
            distribution.etag = `E${randomBytes(4).toString('hex').toUpperCase()}`;
            return respond(
              412,
              `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>PreconditionFailed</Code><Message>The request failed because it didn't meet the preconditions in one or more request-header fields.</Message></Error><RequestId>${randomBytes(8).toString('hex')}</RequestId></ErrorResponse>`,
            );
          }
          distribution.certificateId =
            /<IAMCertificateId>([^<]+)<\/IAMCertificateId>/.exec(body)?.[1] ?? distribution.certificateId;
          distribution.etag = `E${randomBytes(4).toString('hex').toUpperCase()}`;
          return respond(
            200,
            `<Distribution xmlns="${NS}"><Id>${distribution.id}</Id><Status>InProgress</Status>${configXml(distribution)}</Distribution>`,
            { etag: distribution.etag },
          );
        }
        const action =
          new URLSearchParams(typeof request.body === 'string' ? request.body : '').get('Action') ?? 'Unknown';
        return respond(
          200,
          `<${action}Response><${action}Result><LoadBalancerDescriptions/><LoadBalancers/></${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`,
        );
      },
    } as unknown as Handler,
  };
  return fake;
}
