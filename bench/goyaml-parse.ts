// Times the go-yaml v2 event parser (src/decode/goyaml) against the `yaml` package's parseAllDocuments + toJS
// over one generated multi-document manifest file of about 20 MB, printed as
// `ratio goyaml-events-vs-yaml-parse <value>` (event parser time / yaml time: 0.25 means 4x faster).
// Run alone with `npx ts-node --project tsconfig.dev.json bench/goyaml-parse.ts` (BENCH_MB and BENCH_RUNS
// change the size and the number of runs).
import { parseAllDocuments } from 'yaml';
import { median, runsFromEnv, time } from './measure';
import { EventType } from '../src/decode/goyaml/events';
import { YamlEventParser } from '../src/decode/goyaml/parser';

export interface GoyamlBenchResult {
  readonly bytes: number;
  readonly documents: number;
  readonly events: number;
  readonly yamlMs: number;
  readonly goyamlMs: number;
  readonly ratio: number;
}

function deployment(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 50}
  labels:
    app.kubernetes.io/name: app-${i}
    app.kubernetes.io/part-of: "system-${i % 7}"
  annotations:
    example.com/owner: 'team-${i % 50}'
spec:
  replicas: ${i % 5 + 1}
  selector:
    matchLabels: {app.kubernetes.io/name: app-${i}}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-${i}
    spec:
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: app
        image: registry.example.com/app-${i}:1.${i % 20}.0
        args: ["--port=8080", "--log-level=info"]
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
        - name: MODE
          value: production
        - name: RATIO
          value: "0.${i % 10}"
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: "1", memory: 512Mi}
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
          periodSeconds: 10
`;
}

function configMap(i: number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: team-${i % 50}
data:
  app.properties: |
    server.port=8080
    feature.flag.${i}=true
    # a comment line inside the literal block
    cache.size=${i * 16}
  motd: >
    Welcome to app ${i},
    folded onto one line.

    Second paragraph.
  empty: ""
  count: "${i}"
`;
}

function list(i: number): string {
  return `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: svc-${i}
    namespace: team-${i % 50}
  spec:
    selector:
      app.kubernetes.io/name: app-${i}
    ports:
    - port: 80
      targetPort: 8080
- apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: sa-${i}
    namespace: team-${i % 50}
  automountServiceAccountToken: false
`;
}

/** A multi-document manifest file of at least `megabytes` MB. */
export function buildLargeManifest(megabytes: number): string {
  const target = megabytes * 1024 * 1024;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const doc = i % 3 === 0 ? deployment(i) : i % 3 === 1 ? configMap(i) : list(i);
    parts.push(doc);
    size += doc.length + 4;
  }
  return parts.join('---\n');
}

/** Pulls every event and reads the fields a decoder reads. */
function consumeEvents(text: string): { events: number; documents: number } {
  const p = new YamlEventParser(text);
  let events = 0;
  let documents = 0;
  let chars = 0;
  while (p.next()) {
    events++;
    if (p.type === EventType.SCALAR) chars += p.value.length + p.tag.length + p.startLine;
    else if (p.type === EventType.DOCUMENT_START) documents++;
  }
  if (chars < 0) throw new Error('unreachable');
  return { events, documents };
}

export function benchGoyamlParse(): GoyamlBenchResult {
  const megabytes = Number(process.env.BENCH_MB) > 0 ? Number(process.env.BENCH_MB) : 20;
  const runs = runsFromEnv(3);
  const text = buildLargeManifest(megabytes);
  let counted = { events: 0, documents: 0 };
  const yamlRun = (): number => time(() => {
    for (const doc of parseAllDocuments(text)) doc.toJS();
  });
  const goyamlRun = (): number => time(() => {
    counted = consumeEvents(text);
  });
  // one warm-up of each, then alternate so machine noise hits both alike
  goyamlRun();
  yamlRun();
  const y: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < runs; i++) {
    y.push(yamlRun());
    g.push(goyamlRun());
  }
  const yamlMs = median(y);
  const goyamlMs = median(g);
  const ratio = goyamlMs / yamlMs;
  const mb = (text.length / 1024 / 1024).toFixed(1);
  console.log(`# goyaml-parse: ${mb} MB, ${counted.documents} documents, ${counted.events} events; yaml parseAllDocuments+toJS median ${yamlMs.toFixed(0)} ms, goyaml events median ${goyamlMs.toFixed(0)} ms (${runs} runs each), ${(yamlMs / goyamlMs).toFixed(1)}x faster`);
  console.log(`ratio goyaml-events-vs-yaml-parse ${ratio.toFixed(3)}`);
  return { bytes: text.length, documents: counted.documents, events: counted.events, yamlMs, goyamlMs, ratio };
}

if (require.main === module) benchGoyamlParse();
