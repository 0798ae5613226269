// Smoke test of the cdk8s-hardened Go module. jsii-pacmak writes the module to dist/go/cdk8shardened; the Go module
// proxy serves neither cdk8s-core-go nor cdk8s-plus-go, so test/bindings/run.sh has jsii-pacmak generate those two
// from the npm packages as well (dist/go/cdk8s, dist/go/cdk8splus28). constructs-go and jsii-runtime-go come from
// the proxy.
module cdk8s-hardened.dev/bindings/go-smoke-test

go 1.25.0

require (
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk8s-hardened/cdk8s-hardened-go/cdk8shardened v0.0.0
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 v2.70.0
	github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2 v2.5.6
)

require (
	github.com/Masterminds/semver/v3 v3.5.0 // indirect
	github.com/aws/constructs-go/constructs/v10 v10.3.0 // indirect
	github.com/fatih/color v1.19.0 // indirect
	github.com/mattn/go-colorable v0.1.14 // indirect
	github.com/mattn/go-isatty v0.0.24 // indirect
	github.com/yuin/goldmark v1.7.16 // indirect
	golang.org/x/lint v0.0.0-20241112194109-818c5a804067 // indirect
	golang.org/x/mod v0.39.0 // indirect
	golang.org/x/sync v0.22.0 // indirect
	golang.org/x/sys v0.47.0 // indirect
	golang.org/x/telemetry v0.0.0-20260811182544-a038080d80e5 // indirect
	golang.org/x/tools v0.49.0 // indirect
	golang.org/x/tools/cmd/godoc v0.1.0-deprecated // indirect
	golang.org/x/tools/godoc v0.1.0-deprecated // indirect
)

replace (
	github.com/cdk8s-hardened/cdk8s-hardened-go/cdk8shardened => ../../../dist/go/cdk8shardened
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 => ../../../dist/go/cdk8s
	github.com/cdk8s-team/cdk8s-plus-go/cdk8splus28/v2 => ../../../dist/go/cdk8splus28
)
