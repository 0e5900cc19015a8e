import type { DueItem } from '../../core/radar/due.js';

const quote = (value: string) => (/^[\w.@/:+-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`);

/** What to run for a due item, headless: iamcert's command where it has one, the AWS CLI's where it has not. */
export function dueFixCommand(item: DueItem): string {
  const profile = item.profile ? ` --profile ${quote(item.profile)}` : '';
  const region = item.region ? ` --region ${item.region}` : '';
  const name = quote(item.name);
  switch (item.action) {
    case 'rotate':
      return `iamcert rotate ${name} --cert NEW.pem --key NEW-KEY.pem --chain CHAIN.pem${profile}`;
    case 'delete-expired':
      return `iamcert rotate ${name} … if it is still served, else iamcert delete ${name} --yes${profile}`;
    case 'reimport':
      return `iamcert import NEW.pem NEW-KEY.pem CHAIN.pem --arn ${item.id} --yes${profile}`;
    case 'acm-renews':
      return `ACM renews it while its validation holds: aws acm describe-certificate --certificate-arn ${item.id}${region}${profile}`;
    case 'renew-signing':
      return `iamcert create --name ${name} && iamcert signing upload --user ${name} --cert ~/.ec2/cert-${name}.pem${profile}, then delete ${item.id}`;
    case 'rotate-access-key':
      return `aws iam create-access-key --user-name ${name}${profile}; switch to it, then delete the old key`;
    case 'remove-access-key':
      return `aws iam update-access-key --user-name ${name} --status Inactive --access-key-id ID${profile}; delete it once nothing breaks`;
  }
}
