// Command psa-eval evaluates Kubernetes objects with the real Pod Security Admission library
// (k8s.io/pod-security-admission) and prints, per object, the IDs of the checks that fail at the baseline and
// restricted levels of one policy version.
//
// Input: a JSON array of objects (file argument or standard input). Output: a JSON array, one entry per input
// object, in input order:
//
//	{ "index": 0, "kind": "Deployment", "name": "web", "hasPod": true,
//	  "baseline": ["hostNamespaces"], "restricted": ["allowPrivilegeEscalation", "hostNamespaces", ...] }
//
// The check IDs come from the evaluator itself: every check of policy.DefaultChecks() is wrapped so that it
// records its ID when it forbids the pod, and the unmodified registry (policy.NewEvaluator) decides which checks
// run at a level and version, including version selection, clamping to the newest version and the overrides that
// replace baseline checks at the restricted level. Pod specs are extracted with admission.DefaultPodSpecExtractor,
// as the admission plugin does.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/pod-security-admission/admission"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
)

type result struct {
	Index      int      `json:"index"`
	Kind       string   `json:"kind"`
	Name       string   `json:"name"`
	HasPod     bool     `json:"hasPod"`
	Baseline   []string `json:"baseline"`
	Restricted []string `json:"restricted"`
	Error      string   `json:"error,omitempty"`
}

// failed collects the IDs of the checks that forbade the pod during one EvaluatePod call.
var failed []string

func instrumentedChecks() []policy.Check {
	var checks []policy.Check
	for _, c := range policy.DefaultChecks() {
		id := string(c.ID)
		wrapped := c
		wrapped.Versions = nil
		for _, v := range c.Versions {
			inner := v.CheckPod
			v.CheckPod = func(meta *metav1.ObjectMeta, spec *corev1.PodSpec) policy.CheckResult {
				r := inner(meta, spec)
				if !r.Allowed {
					failed = append(failed, id)
				}
				return r
			}
			wrapped.Versions = append(wrapped.Versions, v)
		}
		checks = append(checks, wrapped)
	}
	return checks
}

type header struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

// olderVersions maps the API versions a pod-bearing kind was served at before its v1 to that v1: the API server
// converts them to the same internal object, and the PodSecurity admission plugin converts that to the v1 type it
// evaluates, so decoding them into the v1 type is what the cluster does (their pod templates have one schema).
var olderVersions = map[string]string{
	"apps/v1beta1/Deployment":       "apps/v1/Deployment",
	"apps/v1beta2/Deployment":       "apps/v1/Deployment",
	"extensions/v1beta1/Deployment": "apps/v1/Deployment",
	"apps/v1beta2/DaemonSet":        "apps/v1/DaemonSet",
	"extensions/v1beta1/DaemonSet":  "apps/v1/DaemonSet",
	"apps/v1beta2/ReplicaSet":       "apps/v1/ReplicaSet",
	"extensions/v1beta1/ReplicaSet": "apps/v1/ReplicaSet",
	"apps/v1beta1/StatefulSet":      "apps/v1/StatefulSet",
	"apps/v1beta2/StatefulSet":      "apps/v1/StatefulSet",
	"batch/v1beta1/CronJob":         "batch/v1/CronJob",
	"batch/v2alpha1/CronJob":        "batch/v1/CronJob",
}

// typed decodes the kinds that carry a pod spec into their API types; other kinds return nil.
func typed(raw json.RawMessage, h header) (runtime.Object, error) {
	var obj runtime.Object
	gvk := h.APIVersion + "/" + h.Kind
	if v1, ok := olderVersions[gvk]; ok {
		gvk = v1
	}
	switch gvk {
	case "v1/Pod":
		obj = &corev1.Pod{}
	case "v1/PodTemplate":
		obj = &corev1.PodTemplate{}
	case "v1/ReplicationController":
		obj = &corev1.ReplicationController{}
	case "apps/v1/ReplicaSet":
		obj = &appsv1.ReplicaSet{}
	case "apps/v1/Deployment":
		obj = &appsv1.Deployment{}
	case "apps/v1/DaemonSet":
		obj = &appsv1.DaemonSet{}
	case "apps/v1/StatefulSet":
		obj = &appsv1.StatefulSet{}
	case "batch/v1/Job":
		obj = &batchv1.Job{}
	case "batch/v1/CronJob":
		obj = &batchv1.CronJob{}
	default:
		return nil, nil
	}
	if err := json.Unmarshal(raw, obj); err != nil {
		return nil, err
	}
	return obj, nil
}

func evaluate(ev policy.Evaluator, lv api.LevelVersion, meta *metav1.ObjectMeta, spec *corev1.PodSpec) []string {
	failed = []string{}
	results := ev.EvaluatePod(lv, meta, spec)
	forbidden := 0
	for _, r := range results {
		if !r.Allowed {
			forbidden++
		}
	}
	if forbidden != len(failed) {
		panic(fmt.Sprintf("instrumentation mismatch: %d forbidden results, %d recorded IDs", forbidden, len(failed)))
	}
	ids := append([]string{}, failed...)
	sort.Strings(ids)
	return ids
}

func main() {
	version := flag.String("version", "", "policy version, 1.NN or v1.NN, or latest")
	flag.Parse()
	if *version == "" {
		fmt.Fprintln(os.Stderr, "usage: psa-eval --version 1.NN [objects.json]  (reads standard input without a file)")
		os.Exit(2)
	}
	v := *version
	if v != "latest" && !strings.HasPrefix(v, "v") {
		v = "v" + v
	}
	pv, err := api.ParseVersion(v)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	var input io.Reader = os.Stdin
	if flag.NArg() > 0 {
		f, err := os.Open(flag.Arg(0))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		input = f
	}
	var objects []json.RawMessage
	if err := json.NewDecoder(input).Decode(&objects); err != nil {
		fmt.Fprintln(os.Stderr, "input must be a JSON array of objects:", err)
		os.Exit(2)
	}

	ev, err := policy.NewEvaluator(instrumentedChecks(), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	extractor := admission.DefaultPodSpecExtractor{}

	out := make([]result, 0, len(objects))
	for i, raw := range objects {
		var h header
		_ = json.Unmarshal(raw, &h)
		r := result{Index: i, Kind: h.Kind, Name: h.Metadata.Name, Baseline: []string{}, Restricted: []string{}}
		obj, err := typed(raw, h)
		if err != nil {
			r.Error = err.Error()
		} else if obj != nil {
			meta, spec, err := extractor.ExtractPodSpec(obj)
			if err != nil {
				r.Error = err.Error()
			} else if spec != nil {
				r.HasPod = true
				r.Baseline = evaluate(ev, api.LevelVersion{Level: api.LevelBaseline, Version: pv}, meta, spec)
				r.Restricted = evaluate(ev, api.LevelVersion{Level: api.LevelRestricted, Version: pv}, meta, spec)
			}
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
