import { IConstruct } from 'constructs';
import { ExternalObjects } from '../engine/external-objects';

const DECLARED = new WeakMap<IConstruct, string[]>();

/**
 * Objects that exist in the cluster outside the app, declared where the code that relies on them is: a construct
 * that reads an existing Secret declares it once, and the references pack counts it as defined wherever the app
 * refers to it. The same entries can be given app-wide with `GuardrailsProps.externalObjects`, and to `scan` with
 * `--external` (which does not see these declarations: pass them there too when scanning the synthesized YAML).
 *
 * @example
 * ExternalDeclarations.add(chart, 'Secret/shop/db-credentials', 'ServiceAccount/shop/ci-deployer');
 */
export class ExternalDeclarations {
  /**
   * Declares objects that exist outside the app, as `Kind/namespace/name` (`*` for any namespace or name) or
   * `Kind/name` for a cluster-scoped kind. Throws on a malformed entry, naming it and the form expected.
   * @param scope the construct that relies on them
   * @param entries the objects
   */
  public static add(scope: IConstruct, ...entries: string[]): void {
    ExternalObjects.parse(entries, `ExternalDeclarations.add on "${scope.node.path || '<app>'}"`);
    DECLARED.set(scope, [...(DECLARED.get(scope) ?? []), ...entries.map(e => e.trim())]);
  }

  /** Every object declared external on this construct and its children. */
  public static under(scope: IConstruct): string[] {
    return scope.node.findAll().flatMap(c => DECLARED.get(c) ?? []);
  }
}
