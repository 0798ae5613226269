import { namespacePack } from './namespace';
import { networkPack } from './network';
import { pssBaselinePack } from './pss-baseline';
import { pssRestrictedPack } from './pss-restricted';
import { rbacPack } from './rbac';
import { referencesPack } from './references';
import { secretsPack } from './secrets';
import { workloadPack } from './workload';
import { RulePack } from '../engine/rule-pack';

/**
 * The rule packs that ship with the library.
 *
 * @example
 * Guardrails.enable(app, { packs: [Packs.pssRestricted(), Packs.workload()] });
 */
export class Packs {
  /** Pod Security Standards, baseline profile. */
  public static pssBaseline(): RulePack { return pssBaselinePack(); }
  /** Pod Security Standards, restricted profile (includes the baseline controls). */
  public static pssRestricted(): RulePack { return pssRestrictedPack(); }
  /** Container and pod hygiene beyond the Pod Security Standards. */
  public static workload(): RulePack { return workloadPack(); }
  /** Network isolation across the app. */
  public static network(): RulePack { return networkPack(); }
  /** No secret values in manifests. */
  public static secrets(): RulePack { return secretsPack(); }
  /** Namespace hygiene. */
  public static namespace(): RulePack { return namespacePack(); }
  /** Least privilege in RBAC: roles, bindings and what each workload's ServiceAccount may do. */
  public static rbac(): RulePack { return rbacPack(); }
  /** References that resolve: selectors that select pods, and the Services, ports, ConfigMaps, Secrets, claims and ServiceAccounts objects name. */
  public static references(): RulePack { return referencesPack(); }

  /** Every shipped pack: what the guardrails and `scan` run by default. */
  public static defaults(): RulePack[] {
    return [
      Packs.pssBaseline(), Packs.pssRestricted(), Packs.workload(), Packs.network(), Packs.secrets(), Packs.namespace(), Packs.rbac(),
      Packs.references(),
    ];
  }

  /** The names accepted by `--packs`. */
  public static names(): string[] {
    return Packs.defaults().map(p => p.name);
  }

  /** The shipped pack with this name; throws a clear error listing the valid names otherwise. */
  public static byName(name: string): RulePack {
    const pack = Packs.defaults().find(p => p.name === name);
    if (!pack) {
      throw new Error(`Unknown rule pack "${name}". Valid packs: ${Packs.names().join(', ')}.`);
    }
    return pack;
  }
}
