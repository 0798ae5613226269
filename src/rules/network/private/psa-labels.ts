import { ManifestObject } from '../../../engine/manifest-object';

/** The prefix of the Pod Security Admission namespace labels. */
export const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';

/** The Pod Security Standards levels, least to most restrictive. */
export const PSA_LEVELS = ['privileged', 'baseline', 'restricted'];

/** A pinned PSA version label value (digits written as [0-9], so that RE2 in CEL reads it the same). */
export const PINNED_VERSION = /^v1\.[0-9]{1,3}$/;

/** What a Namespace says about one PSA mode (`enforce`, `audit` or `warn`). */
export interface PsaModeLabels {
  readonly mode: string;
  /** `pod-security.kubernetes.io/<mode>` */
  readonly levelKey: string;
  /** The level as written; undefined when the label is missing. */
  readonly level?: string;
  /** True when the level is one of privileged, baseline, restricted. */
  readonly levelValid: boolean;
  /** `pod-security.kubernetes.io/<mode>-version` */
  readonly versionKey: string;
  /** The version as written; undefined when the label is missing. */
  readonly version?: string;
  /** True when the version is `v1.NN`. */
  readonly versionPinned: boolean;
}

/** Reads the PSA labels of a Namespace for one mode. */
export function psaModeLabels(namespace: ManifestObject, mode: string): PsaModeLabels {
  const labels = namespace.labels;
  const levelKey = `${PSA_LABEL_PREFIX}${mode}`;
  const versionKey = `${levelKey}-version`;
  const level = labels[levelKey] === undefined || labels[levelKey] === null ? undefined : String(labels[levelKey]);
  const version = labels[versionKey] === undefined || labels[versionKey] === null ? undefined : String(labels[versionKey]);
  return {
    mode,
    levelKey,
    level,
    levelValid: level !== undefined && PSA_LEVELS.includes(level),
    versionKey,
    version,
    versionPinned: version !== undefined && PINNED_VERSION.test(version),
  };
}

/** The violation text for a missing or invalid level label, or undefined when the level is valid. */
export function levelProblem(labels: PsaModeLabels): string | undefined {
  if (labels.levelValid) return undefined;
  if (labels.level === undefined) {
    return `has no label ${labels.levelKey}: add ${labels.levelKey}: restricted`;
  }
  return `sets ${labels.levelKey} to "${labels.level}", which is not a Pod Security level (${PSA_LEVELS.join(', ')}): set it to restricted`;
}
