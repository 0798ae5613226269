import { ApiObject, Chart, DependencyGraph } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isObject } from '../../private/json';

/**
 * Which ApiObject rendered which JSON object, so that an object decoded from the written YAML can be traced back to
 * its construct (for the construct path and the construct's suppressions).
 *
 * cdk8s renders an object with `toJson()`, which generated classes override (their result is a new object, built
 * from what `ApiObject.prototype.toJson` returned). So the renders are logged where every override ends up, in
 * `ApiObject.prototype.toJson`, in the order they happen; `Chart.toJson()` renders its objects last and in order,
 * so the last entries of its log are its result. Nested renders (a Lazy that renders another object) are not
 * logged: only the outermost render of each object is.
 */

/** Rendered JSON returned by `Chart.toJson()` -> the ApiObject that rendered it. */
const RENDERED = new WeakMap<object, ApiObject>();

const frames: ApiObject[][] = [];
let depth = 0;
const LOGGING = Symbol.for('cdk8s-hardened.render-log');

/** Installs the render log on `ApiObject.prototype.toJson` (once). Costs nothing while no log is open. */
export function installRenderLog(): void {
  const proto = ApiObject.prototype as any;
  if (proto.toJson[LOGGING]) return;
  const base: () => any = proto.toJson;
  const logged = function toJson(this: ApiObject): any {
    const frame = frames[frames.length - 1];
    if (!frame) return base.call(this);
    if (depth === 0) frame.push(this);
    depth++;
    try {
      return base.call(this);
    } finally {
      depth--;
    }
  };
  Object.defineProperty(logged, LOGGING, { value: true });
  proto.toJson = logged;
}

/** Starts logging renders; returns the log, which `closeLog` ends. */
export function openLog(): ApiObject[] {
  const frame: ApiObject[] = [];
  frames.push(frame);
  return frame;
}

export function closeLog(frame: ApiObject[]): void {
  const index = frames.lastIndexOf(frame);
  if (index >= 0) frames.splice(index, 1);
}

/**
 * Records the ApiObject behind each object `chart.toJson()` returned, and returns them in the same order
 * (undefined where none could be found).
 */
export function recordChartRender(chart: Chart, result: unknown[], log: ApiObject[]): Array<ApiObject | undefined> {
  const owners = lastRenders(result, log) ?? renderOrder(chart, result);
  result.forEach((json, i) => {
    const owner = owners[i];
    if (owner && isObject(json)) RENDERED.set(json, owner);
  });
  return owners;
}

/** The ApiObject that rendered `json` in a `Chart.toJson()`, if it came from one. */
export function renderedBy(json: unknown): ApiObject | undefined {
  return isObject(json) ? RENDERED.get(json) : undefined;
}

/** The last `results.length` entries of the log, when they match the results one for one. */
export function lastRenders(results: unknown[], log: ApiObject[]): ApiObject[] | undefined {
  if (log.length < results.length) return undefined;
  const tail = log.slice(log.length - results.length);
  return tail.every((owner, i) => rendersAs(owner, results[i])) ? tail : undefined;
}

/** True when `json` has the kind and name of `owner` (a JSON patch may change them, in which case we look further). */
export function rendersAs(owner: ApiObject, json: unknown): boolean {
  return isObject(json) && json.kind === owner.kind && isObject(json.metadata) && json.metadata.name === owner.name;
}

/** The objects of a chart in the order `Chart.toJson()` renders them (cdk8s's own chartToKube). */
function renderOrder(chart: Chart, result: unknown[]): Array<ApiObject | undefined> {
  const inChart = new DependencyGraph(chart.node).topology()
    .filter((x: IConstruct): x is ApiObject => ApiObject.isApiObject(x))
    .filter(x => Chart.of(x) === chart);
  if (inChart.length === result.length) return inChart;
  return result.map(json => inChart.find(o => rendersAs(o, json)));
}
