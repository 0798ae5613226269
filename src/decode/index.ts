// The one decoding layer shared by scan, the cdk8s-cli plugin and the guardrails: text in, the objects kubectl
// would send to the API server out. Not part of the public API.
export * from './decoded-object';
export { decodeManifests } from './decode-manifests';
