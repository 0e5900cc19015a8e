import {
  ListServerCertificatesCommand,
  type ListServerCertificatesCommandOutput,
  type ServerCertificateMetadata,
} from '@aws-sdk/client-iam';
import { expiryState, type ExpiryState } from '../time/expiry.js';
import { callIam } from './call.js';
import type { IamClients } from './client.js';
import { allPages, truncatedMarker } from './pages.js';

export interface ServerCertificateRow {
  name: string;
  path: string;
  id: string;
  arn: string;
  uploadDate?: string;
  expiration?: string;
  expiryState?: ExpiryState;
}

export const LIST_PAGE_SIZE = 1000;

export function toRow(metadata: ServerCertificateMetadata, now: Date): ServerCertificateRow {
  const expiration = metadata.Expiration;
  return {
    name: metadata.ServerCertificateName ?? '',
    path: metadata.Path ?? '/',
    id: metadata.ServerCertificateId ?? '',
    arn: metadata.Arn ?? '',
    ...(metadata.UploadDate ? { uploadDate: metadata.UploadDate.toISOString() } : {}),
    ...(expiration ? { expiration: expiration.toISOString(), expiryState: expiryState(expiration, now) } : {}),
  };
}

/** Every server certificate, following Marker/IsTruncated at 1,000 a page: N certificates cost ceil(N/1000) calls. */
export async function listServerCertificates(
  clients: IamClients,
  options: { pathPrefix?: string; signal?: AbortSignal; now?: Date; onPage?: (rowsSoFar: number) => void } = {},
): Promise<ServerCertificateRow[]> {
  const now = options.now ?? new Date();
  const rows = await allPages(async (marker) => {
    const page = await callIam<ListServerCertificatesCommandOutput>(
      clients,
      new ListServerCertificatesCommand({ MaxItems: LIST_PAGE_SIZE, Marker: marker, PathPrefix: options.pathPrefix }),
      { signal: options.signal },
    );
    return {
      items: (page.ServerCertificateMetadataList ?? []).map((metadata) => toRow(metadata, now)),
      marker: truncatedMarker(page),
    };
  }, options.onPage);
  // IAM filters by prefix itself; emulators may not, and a prefix must never widen the list.
  return options.pathPrefix ? rows.filter((row) => row.path.startsWith(options.pathPrefix!)) : rows;
}
