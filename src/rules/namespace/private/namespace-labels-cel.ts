import { CelResources, celString, celStrings } from '../../../private/cel-form';
import { PSA_LABEL_PREFIX, PSA_LEVELS } from '../../network/private/psa-labels';

/** What the CEL forms of the Namespace rules match. */
export const NAMESPACES: CelResources[] = [{ apiGroups: [''], apiVersions: ['v1'], resources: ['namespaces'] }];

/** CEL: the Namespace has the label. */
export function celHasLabel(key: string): string {
  return `(has(object.metadata.labels) && ${celString(key)} in object.metadata.labels)`;
}

/** CEL: the value of a label the Namespace has. */
export function celLabel(key: string): string {
  return `object.metadata.labels[${celString(key)}]`;
}

/** CEL: the Namespace sets the level of a Pod Security mode to a valid level (psaModeLabels' levelValid). */
export function celLevelValid(mode: string): string {
  const key = `${PSA_LABEL_PREFIX}${mode}`;
  return `(${celHasLabel(key)} && ${celLabel(key)} in ${celStrings(PSA_LEVELS)})`;
}
