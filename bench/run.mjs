// npm run bench: iamcert side by side with what a user would otherwise run, on the same inputs, in one run.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstFrameMs } from './first-frame.mjs';
import { sideBySide, timeShell } from './harness.mjs';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const NODE = process.execPath;
/** As the iamcert command runs: node and the built file, no flags. */
const IAMCERT = `${NODE} ${CLI}`;
const work = mkdtempSync(join(tmpdir(), 'iamcert-bench-'));
const ossl = (...args) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
const results = [];
const report = (name, ours, alternative, target, measured) =>
  console.error(`done: ${name}`) ||
  results.push({
    name,
    ours,
    alternative,
    target,
    oursMs: measured.ours,
    theirsMs: measured.theirs,
    ratio: measured.ratio,
  });
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
Object.assign(process.env, env);

function makeCorpus() {
  ossl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'k.pem',
    '-out',
    'c.pem',
    '-days',
    '30',
    '-subj',
    '/CN=bench',
  );
  ossl('x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.der');
  ossl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ec.pem');
  ossl('pkcs8', '-topk8', '-nocrypt', '-in', 'k.pem', '-outform', 'DER', '-out', 'k.der');
  execFileSync('sh', ['-c', 'cat c.pem k.pem > bundle.pem'], { cwd: work });
  const sources = ['c.pem', 'c.der', 'k.pem', 'ec.pem', 'k.der', 'bundle.pem'];
  const corpus = join(work, 'corpus');
  mkdirSync(corpus);
  for (let index = 0; index < 1000; index += 1)
    copyFileSync(
      join(work, sources[index % sources.length]),
      join(corpus, `file-${String(index).padStart(4, '0')}.bin`),
    );
  return corpus;
}

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function withMoto(run, motoEnv = {}) {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: 'ignore',
    env: { ...process.env, ...motoEnv },
  });
  for (let tries = 0; tries < 300; tries += 1) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await run(endpoint);
  } finally {
    moto.kill();
  }
}

async function uploadMany(endpoint, count) {
  const { createIamClients } = await import('../dist/core/iam/client.js');
  const { UploadServerCertificateCommand } = await import('@aws-sdk/client-iam');
  const { readFileSync } = await import('node:fs');
  const clients = createIamClients({ endpointUrl: endpoint });
  const body = readFileSync(join(work, 'c.pem'), 'utf8');
  const key = readFileSync(join(work, 'k.pem'), 'utf8');
  for (let start = 0; start < count; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, (_, offset) =>
        clients.iam.send(
          new UploadServerCertificateCommand({
            ServerCertificateName: `bench-${start + offset}`,
            CertificateBody: body,
            PrivateKey: key,
          }),
        ),
      ),
    );
  }
}

/** `count` ACM imports of the bench certificate in a region (ACM, like moto, gives each its own ARN). */
async function importMany(endpoint, region, count) {
  const { ACMClient, ImportCertificateCommand } = await import('@aws-sdk/client-acm');
  const { readFileSync } = await import('node:fs');
  const client = new ACMClient({ endpoint, region, credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  const Certificate = readFileSync(join(work, 'c.pem'));
  const PrivateKey = readFileSync(join(work, 'k.pem'));
  for (let start = 0; start < count; start += 25)
    await Promise.all(
      Array.from({ length: Math.min(25, count - start) }, () =>
        client.send(new ImportCertificateCommand({ Certificate, PrivateKey })),
      ),
    );
}

const USAGE_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** 3 regions × 50 ALBs × 2 HTTPS listeners, each serving one of the certificates uploaded. */
async function buildLoadBalancers(endpoint) {
  const { ElasticLoadBalancingV2Client, CreateLoadBalancerCommand, CreateListenerCommand, CreateTargetGroupCommand } =
    await import('@aws-sdk/client-elastic-load-balancing-v2');
  const { EC2Client, CreateVpcCommand, CreateSubnetCommand } = await import('@aws-sdk/client-ec2');
  const { IAMClient, ListServerCertificatesCommand } = await import('@aws-sdk/client-iam');
  const arns = (
    await new IAMClient({ endpoint, region: 'us-east-1' }).send(new ListServerCertificatesCommand({ MaxItems: 3 }))
  ).ServerCertificateMetadataList.map((entry) => entry.Arn);
  for (const region of USAGE_REGIONS) {
    const ec2 = new EC2Client({ endpoint, region });
    const elbv2 = new ElasticLoadBalancingV2Client({ endpoint, region });
    const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc.VpcId;
    const subnets = [];
    for (const [index, zone] of ['a', 'b'].entries())
      subnets.push(
        (
          await ec2.send(
            new CreateSubnetCommand({
              VpcId: vpc,
              CidrBlock: `10.30.${index}.0/24`,
              AvailabilityZone: `${region}${zone}`,
            }),
          )
        ).Subnet.SubnetId,
      );
    const group = (
      await elbv2.send(new CreateTargetGroupCommand({ Name: 'bench', Protocol: 'HTTP', Port: 80, VpcId: vpc }))
    ).TargetGroups[0].TargetGroupArn;
    for (let start = 0; start < 50; start += 10) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, offset) => {
          const index = start + offset;
          const balancer = (
            await elbv2.send(new CreateLoadBalancerCommand({ Name: `bench-${index}`, Subnets: subnets }))
          ).LoadBalancers[0].LoadBalancerArn;
          for (const port of [443, 8443]) {
            await elbv2.send(
              new CreateListenerCommand({
                LoadBalancerArn: balancer,
                Protocol: 'HTTPS',
                Port: port,
                Certificates: [{ CertificateArn: arns[(index + port) % arns.length] }],
                DefaultActions: [{ Type: 'forward', TargetGroupArn: group }],
              }),
            );
          }
        }),
      );
    }
  }
}

/** A loopback proxy in front of moto that counts each API call by its Action (or its REST path). */
async function countingProxy(target) {
  const { createServer: createHttpServer, request } = await import('node:http');
  const counts = new Map();
  const url = new URL(target);
  const server = createHttpServer((incoming, response) => {
    const chunks = [];
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      // Query protocols name the action in the body, JSON ones (ACM) in X-Amz-Target.
      const action =
        new URLSearchParams(body.toString()).get('Action') ??
        incoming.headers['x-amz-target']?.split('.').pop() ??
        `${incoming.method} ${incoming.url.split('?')[0]}`;
      counts.set(action, (counts.get(action) ?? 0) + 1);
      const outgoing = request(
        {
          hostname: url.hostname,
          port: url.port,
          path: incoming.url,
          method: incoming.method,
          headers: incoming.headers,
        },
        (upstream) => {
          response.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(response);
        },
      );
      outgoing.end(body);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    counts,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** `npm run bench -- usage` runs only the benchmarks whose name has that word. */
const only = process.argv[2];
const wanted = (name) => !only || name.includes(only);

console.error(`iamcert benchmarks on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
try {
  const corpus = makeCorpus();
  const files = readdirSync(corpus).map((name) => join(corpus, name));
  writeFileSync(join(work, 'files.txt'), files.join('\n'));
  if (wanted('identify'))
    report(
      'identify 1,000 mixed files',
      'iamcert inspect --json (one process)',
      'openssl x509 / pkey per file (shell loop)',
      '≥ 30× faster',
      await sideBySide(
        () => timeShell(`xargs ${IAMCERT} inspect --json < files.txt > /dev/null`, { cwd: work }),
        () =>
          timeShell(
            `while read f; do openssl x509 -in "$f" -noout -subject 2>/dev/null || openssl x509 -inform DER -in "$f" -noout -subject 2>/dev/null || openssl pkey -in "$f" -noout 2>/dev/null || openssl pkey -inform DER -in "$f" -noout 2>/dev/null || true; done < files.txt`,
            { cwd: work },
          ),
        { runs: 3, warmup: 0 },
      ),
    );

  if (wanted('recipe'))
    report(
      'classic signing-certificate recipe',
      'iamcert create (RSA 2048, 3650 days, PKCS#8)',
      'openssl genrsa + req -x509 + pkcs8 -topk8',
      '≤ 1.0×',
      await sideBySide(
        () => timeShell(`${IAMCERT} create --out-dir recipe --force > /dev/null 2>&1`, { cwd: work }),
        () =>
          timeShell(
            'openssl genrsa -out rk.pem 2048 2>/dev/null && openssl req -new -x509 -days 3650 -key rk.pem -subj / -out rc.pem && openssl pkcs8 -topk8 -nocrypt -in rk.pem -out pk.pem',
            { cwd: work },
          ),
        // RSA key generation takes 0.1–0.7 s at random on either side; many runs steady the medians.
        { runs: 31, warmup: 2 },
      ),
    );

  if (wanted('list'))
    await withMoto(async (endpoint) => {
      await uploadMany(endpoint, 1000);
      report(
        'list 1,000 server certificates (and ACM, us-east-1)',
        'iamcert list --json',
        'aws iam list-server-certificates, aws acm list-certificates (every key type)',
        '≤ 0.6×',
        await sideBySide(
          () => timeShell(`${IAMCERT} list --json --endpoint-url ${endpoint} > /dev/null`, { env }),
          () =>
            timeShell(
              `aws iam list-server-certificates --endpoint-url ${endpoint} > /dev/null && for r in us-east-1; do aws acm list-certificates --region $r --includes keyTypes=RSA_1024,RSA_2048,RSA_3072,RSA_4096,EC_prime256v1,EC_secp384r1,EC_secp521r1 --endpoint-url ${endpoint} > /dev/null; done`,
              { env },
            ),
          { runs: 11 },
        ),
      );
    });

  if (wanted('usage'))
    await withMoto(async (endpoint) => {
      await uploadMany(endpoint, 3);
      await buildLoadBalancers(endpoint);
      const regions = USAGE_REGIONS.join(',');
      // The AWS CLI way: every load balancer, then each one's listeners, then each listener's certificates.
      const loop = `for r in ${USAGE_REGIONS.join(' ')}; do for lb in $(aws elbv2 describe-load-balancers --region $r --endpoint-url ${endpoint} --query 'LoadBalancers[].LoadBalancerArn' --output text); do for l in $(aws elbv2 describe-listeners --region $r --endpoint-url ${endpoint} --load-balancer-arn $lb --query 'Listeners[].ListenerArn' --output text); do aws elbv2 describe-listener-certificates --region $r --endpoint-url ${endpoint} --listener-arn $l > /dev/null; done; done; done`;
      const counted = await countingProxy(endpoint);
      // Not timeShell: a synchronous child would stop this process's proxy from answering it.
      await new Promise((resolve) =>
        spawn(
          'bash',
          ['-c', `${IAMCERT} usage --regions ${regions} --json --endpoint-url ${counted.endpoint} > /dev/null`],
          { env, stdio: 'ignore' },
        ).on('exit', resolve),
      );
      await counted.close();
      const calls = [...counted.counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([action, count]) => `${action} ${count}`)
        .join(', ');
      console.error(`usage scan API calls: ${calls}`);
      report(
        'usage scan, 3 regions × 50 ALBs × 2 listeners',
        'iamcert usage --regions (3) --json',
        'aws elbv2 describe-load-balancers / describe-listeners / describe-listener-certificates, shell loop',
        '≤ 0.2×',
        // The CLI loop makes 453 calls, minutes a run: one measured run of each.
        await sideBySide(
          () =>
            timeShell(`${IAMCERT} usage --regions ${regions} --json --endpoint-url ${endpoint} > /dev/null || true`, {
              env,
            }),
          () => timeShell(loop, { env }),
          { runs: 1, warmup: 0 },
        ),
      );
      results.at(-1).calls = calls;
    });

  if (wanted('radar'))
    await withMoto((a) =>
      withMoto(
        (b) =>
          withMoto(
            async (c) => {
              const endpoints = [a, b, c];
              for (const endpoint of endpoints) {
                await uploadMany(endpoint, 1000);
                await importMany(endpoint, 'us-east-1', 100);
                await importMany(endpoint, 'eu-west-1', 100);
              }
              const config = join(work, 'radar-config');
              writeFileSync(
                config,
                endpoints
                  .map(
                    (endpoint, index) =>
                      `[profile p${index}]\nregion = eu-west-1\nendpoint_url = ${endpoint}\naws_access_key_id = bench\naws_secret_access_key = bench\n`,
                  )
                  .join('\n'),
              );
              const radarEnv = { ...env, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
              delete radarEnv.AWS_DEFAULT_REGION;
              delete radarEnv.AWS_ACCESS_KEY_ID;
              delete radarEnv.AWS_SECRET_ACCESS_KEY;
              // The same facts with the AWS CLI: per profile, IAM's list, ACM's list (every key type) in the two
              // regions, the credential report.
              const keyTypes = 'keyTypes=RSA_1024,RSA_2048,RSA_3072,RSA_4096,EC_prime256v1,EC_secp384r1,EC_secp521r1';
              const loop = `for p in p0 p1 p2; do aws iam list-server-certificates --profile $p > /dev/null; for r in eu-west-1 us-east-1; do aws acm list-certificates --profile $p --region $r --includes ${keyTypes} > /dev/null; done; aws iam generate-credential-report --profile $p > /dev/null; aws iam get-credential-report --profile $p > /dev/null; done`;
              const counted = await countingProxy(a);
              await new Promise((resolve) =>
                spawn('bash', ['-c', `${IAMCERT} expiring --json --endpoint-url ${counted.endpoint} > /dev/null`], {
                  env,
                  stdio: 'ignore',
                }).on('exit', resolve),
              );
              await counted.close();
              const calls = [...counted.counts]
                .sort(([x], [y]) => x.localeCompare(y))
                .map(([action, count]) => `${action} ${count}`)
                .join(', ');
              console.error(`radar API calls, one account: ${calls}`);
              report(
                'expiry radar, 3 accounts × (1,000 IAM + 200 ACM)',
                'iamcert expiring --profile p0,p1,p2 --json',
                'aws iam list-server-certificates, aws acm list-certificates ×2 regions, credential report; per profile',
                '≤ 0.3×',
                await sideBySide(
                  () =>
                    timeShell(`${IAMCERT} expiring --profile p0,p1,p2 --json > /dev/null || true`, { env: radarEnv }),
                  () => timeShell(loop, { env: radarEnv }),
                  { runs: 5 },
                ),
              );
              results.at(-1).calls = calls;
            },
            { MOTO_ACCOUNT_ID: '333333333333' },
          ),
        { MOTO_ACCOUNT_ID: '222222222222' },
      ),
    );

  if (wanted('cold'))
    report(
      'cold start',
      'iamcert --version',
      'aws --version',
      '≤ 0.25×',
      await sideBySide(
        () => timeShell(`${IAMCERT} --version > /dev/null`),
        () => timeShell('aws --version > /dev/null'),
        { runs: 9 },
      ),
    );

  const { build } = await import('esbuild');
  await build({
    entryPoints: ['inventory-frame.tsx', 'ink-floor.tsx'].map((name) =>
      fileURLToPath(new URL(`./${name}`, import.meta.url)),
    ),
    outdir: join(work, 'bundles'),
    outExtension: { '.js': '.mjs' },
    // Built as the app is (scripts/build.mjs): split, so Ink's devtools stay in a chunk that is never loaded;
    // production React; ES builds first.
    splitting: true,
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    logLevel: 'warning',
  });

  if (wanted('frame'))
    report(
      'TUI first full frame (tmux, 80×24)',
      'iamcert (no command), home screen with its key footer',
      'a one-line Ink app: the floor for any Ink TUI',
      '≤ 1.1×',
      await sideBySide(
        () => firstFrameMs(`${IAMCERT} --endpoint-url http://127.0.0.1:9`, 'quit', env),
        () => firstFrameMs(`${NODE} ${join(work, 'bundles', 'ink-floor.mjs')}`, 'quit', env),
        { runs: 15, warmup: 1 },
      ),
    );

  const inventory = wanted('inventory')
    ? JSON.parse(execFileSync(NODE, [join(work, 'bundles', 'inventory-frame.mjs')], { timeout: 120_000 }).toString())
    : undefined;
  if (inventory)
    results.push({
      name: 'inventory, 5,000 rows: filter keystroke → frame',
      ours: 'iamcert inventory screen',
      alternative: 'none',
      target: '≤ 16 ms median',
      onlyMs: inventory.median,
    });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const line = (cells) => `| ${cells.join(' | ')} |`;
console.log(
  line([
    'benchmark',
    'iamcert',
    'alternative',
    'iamcert median',
    'alternative median',
    'ratio (iamcert ÷ alternative)',
    'target',
  ]),
);
console.log(line(['---', '---', '---', '---', '---', '---', '---']));
for (const result of results) {
  if (result.onlyMs !== undefined) {
    console.log(
      line([result.name, result.ours, result.alternative, `${result.onlyMs.toFixed(1)} ms`, '—', '—', result.target]),
    );
  } else {
    const faster = result.theirsMs / result.oursMs;
    console.log(
      line([
        result.name,
        result.ours,
        result.alternative,
        `${result.oursMs.toFixed(0)} ms`,
        `${result.theirsMs.toFixed(0)} ms`,
        `${result.ratio.toFixed(2)}× (${faster >= 1 ? `${faster.toFixed(1)}× faster` : `${(1 / faster).toFixed(1)}× slower`})`,
        result.target,
      ]),
    );
  }
}
for (const result of results.filter((entry) => entry.calls))
  console.log(`\n${result.name}, API calls made by iamcert: ${result.calls}`);
