import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import { apiObjectsUnder } from './collect-objects';
import { closeLog, lastRenders, openLog, recordChartRender, renderedBy, rendersAs } from './render-log';
import { SynthesisOutput, TextToDecode } from './synthesis-output';
import { writeFilesAtomically } from './write-files';
import { startWritingYaml, YamlInWriting } from './write-yaml';

/** Runs the checks over a synthesis output; throws to stop the synthesis. */
export type CheckOutput = (output: SynthesisOutput) => void;

/**
 * `app.synth()` with the checks in the middle: cdk8s renders, validates and stringifies as usual, but the files it
 * saves into its output folder are held back; the checks judge their exact text, decoded as the cluster will
 * decode it, and only then are the files written (each through a temporary file and a rename). When a check throws,
 * nothing is written and the output folder is left as it was.
 */
export function synthesizeFiles(app: App, synth: () => void, check: CheckOutput): void {
  const capture = new FileCapture(app);
  let output: SynthesisOutput;
  try {
    try {
      synth();
    } finally {
      capture.stop();
    }
    output = SynthesisOutput.ofTexts(capture.texts());
    check(output);
  } catch (e) {
    capture.restoreOutdir();
    throw e;
  }
  writeFilesAtomically(output.all.filter(t => !t.extra).map(t => ({ path: t.name, text: t.text })));
  capture.runDeferred();
}

/** `app.synthYaml()` with the checks over the exact string it returns. */
export function synthesizeYaml(synthYaml: () => string, check: CheckOutput): string {
  const stringify = Yaml.stringify;
  let last: { docs: unknown[]; text: string; proven?: ReadonlyArray<object | undefined> } | undefined;
  Yaml.stringify = function capturing(...docs: unknown[]): string {
    // Written as app.synth() writes its files: each document read once, into the copy the checks judge.
    const writing = startWritingYaml(docs, { stringify });
    last = { docs, text: writing.text(), proven: writing.proven };
    return last.text;
  };
  const log = openLog();
  let text: string;
  try {
    text = synthYaml();
  } finally {
    Yaml.stringify = stringify;
    closeLog(log);
  }
  const written = last !== undefined && last.text === text ? last : undefined;
  const docs = written?.docs ?? [];
  const output = SynthesisOutput.ofTexts([{ name: 'synthYaml()', text, docs, owners: docs.map(renderedBy), proven: written?.proven }]);
  check(output);
  return output.all[0].text;
}

/**
 * `chart.toJson()` (and so `Testing.synth`): renders as cdk8s does and returns the objects with the ApiObject that
 * rendered each. Outside `app.synth()`, the checks then judge these very objects (objects created by validations and
 * late Lazy values included), each as decoded from the YAML cdk8s would write for it.
 */
export function renderChart(chart: Chart, toJson: () => unknown[]): { result: unknown[]; owners: Array<ApiObject | undefined> } {
  const log = openLog();
  let result: unknown[];
  try {
    result = toJson();
  } finally {
    closeLog(log);
  }
  return { result, owners: recordChartRender(chart, result, log) };
}

/**
 * Holds back what `app.synth()` saves into its output folder, and the construct metadata file, until the checks
 * passed. Files cdk8s saves elsewhere (a temporary file) are written as usual.
 */
class FileCapture {
  private readonly app: App;
  private readonly outdir: string;
  private readonly existed: boolean;
  private readonly entriesBefore: Set<string>;
  private readonly files = new Map<string, { file: Omit<TextToDecode, 'text' | 'proven'>; yaml: YamlInWriting }>();
  private readonly deferred: Array<() => void> = [];
  private readonly save: typeof Yaml.save;
  private readonly log: ApiObject[];
  /**
   * The ApiObjects of the app when synthesis started: once as many objects were saved, every chart has been rendered
   * (a guess, for sharing the writing only: objects created by validations are not counted).
   */
  private readonly objectsToRender: number;
  private objectsSaved = 0;
  private byName?: ApiObject[];
  private stopped = false;

  constructor(app: App) {
    this.app = app;
    this.outdir = path.resolve(app.outdir);
    this.existed = fs.existsSync(this.outdir);
    this.entriesBefore = new Set(this.existed ? safeReaddir(this.outdir) : []);
    this.save = Yaml.save;
    const capture = this;
    Yaml.save = function holding(this: unknown, filePath: string, docs: unknown[]): void {
      if (!capture.holds(filePath)) return capture.save.call(this, filePath, docs);
      capture.hold(filePath, docs);
    };
    const writeMetadata = (app as any).writeConstructMetadata;
    if (typeof writeMetadata === 'function') {
      Object.defineProperty(app, 'writeConstructMetadata', {
        value: (...args: unknown[]) => { this.deferred.push(() => writeMetadata.apply(app, args)); },
        configurable: true,
        writable: true,
      });
    }
    this.log = openLog();
    this.objectsToRender = apiObjectsUnder(app).length;
  }

  /** The held texts, in the order they were first saved. */
  public texts(): TextToDecode[] {
    return [...this.files.values()].map(({ file, yaml }) => ({ ...file, text: yaml.text(), proven: yaml.proven }));
  }

  /** Puts Yaml.save and the app back as they were. */
  public stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Yaml.save = this.save;
    delete (this.app as any).writeConstructMetadata;
    closeLog(this.log);
  }

  /** Writes what cdk8s wrote after its manifests (the construct metadata file). */
  public runDeferred(): void {
    this.deferred.forEach(write => write());
  }

  /** After a failure: removes the folders cdk8s created for files that were never written. */
  public restoreOutdir(): void {
    if (!this.existed) {
      if (holdsNoFile(this.outdir)) fs.rmSync(this.outdir, { recursive: true, force: true });
      return;
    }
    for (const entry of safeReaddir(this.outdir)) {
      const full = path.join(this.outdir, entry);
      if (!this.entriesBefore.has(entry) && holdsNoFile(full)) fs.rmSync(full, { recursive: true, force: true });
    }
  }

  private holds(filePath: string): boolean {
    const resolved = path.resolve(filePath);
    return resolved.startsWith(this.outdir + path.sep);
  }

  private hold(filePath: string, docs: unknown[]): void {
    const copy = [...docs];
    // The same text cdk8s's Yaml.save writes, put together when the checks need it.
    // Until the last chart is rendered, the helper thread writes what it can while this one renders the next.
    this.objectsSaved += copy.length;
    const yaml = startWritingYaml(copy, { moreToRender: this.objectsSaved < this.objectsToRender });
    const fromLog = copy.some(d => !renderedBy(d)) ? lastRenders(copy, this.log) : undefined;
    const owners = copy.map((doc, i) => renderedBy(doc) ?? fromLog?.[i] ?? this.findByName(doc));
    // A later save to the same path replaces the file, as it would on disk.
    this.files.delete(filePath);
    this.files.set(filePath, { file: { name: filePath, docs: copy, owners }, yaml });
  }

  /** Last resort for a document rendered outside `Chart.toJson()` and the log: its kind and name. */
  private findByName(doc: unknown): ApiObject | undefined {
    this.byName ??= apiObjectsUnder(this.app);
    return this.byName.find(o => rendersAs(o, doc));
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** True when `target` is a folder with no file anywhere below it. */
function holdsNoFile(target: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return false;
  }
  if (!stat.isDirectory()) return false;
  return safeReaddir(target).every(entry => holdsNoFile(path.join(target, entry)));
}
