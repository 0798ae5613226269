import { CelResources } from '../../../private/cel-form';

/** What the CEL forms of the Service rules match. */
export const SERVICES: CelResources[] = [{ apiGroups: [''], apiVersions: ['v1'], resources: ['services'] }];
