// Command yaml-oracle reads manifest files the way `kubectl apply -f FILE` does and prints the objects kubectl
// would send to the API server, so that our decoder (src/decode) can be compared with the real one.
//
// Input (stdin): JSON lines, one file per line: {"id": <any JSON value>, "text": "<file content>"}.
// Output (stdout): one JSON line per input line, in input order:
//
//	{"id": ..., "objects": [<object>, ...]}                          kubectl accepts the file
//	{"id": ..., "error": "<kubectl's message>", "partial": [...]}    kubectl reports an error
//
// "partial" holds the objects kubectl apply still sends when it fails: apply collects every object it could read
// (ContinueOnError) and applies them before reporting the errors.
//
// Each file goes through the Builder chain of kubectl apply (k8s.io/cli-runtime/pkg/resource), minus the parts that
// need a server:
//
//	NewBuilder(getter).Unstructured().Local().ContinueOnError().FilenameParam(false, {FILE}).Flatten().Do().Infos()
//
// FilenameParam opens the file through FileVisitor (UTF-16/UTF-8 BOM handling) and StreamVisitor
// (yaml.NewYAMLOrJSONDecoder: a JSON stream when the file starts with "{", otherwise YAMLReader's line-by-line
// split at "---" and sigs.k8s.io/yaml on each document); Unstructured() decodes each document with
// unstructured.UnstructuredJSONScheme (any object with an "items" field becomes a list, typed-list items get the
// list's kind and apiVersion) and checks that metadata decodes into ObjectMeta; Flatten() expands lists with
// meta.IsListType/ExtractList. Local() is what `kubectl label --local -f` uses: no RESTMapping is looked up, so
// the two namespace steps that need a server (defaulting the namespace of namespaced kinds, clearing it on
// cluster-scoped kinds) are not done; FilterNamespace still removes an empty metadata.namespace.
//
// Objects are printed with encoding/json from the unstructured content, as kubectl encodes them for the request:
// integers stay int64 (printed without a fraction or exponent), floats stay float64.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/cli-runtime/pkg/resource"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/rest"
)

type request struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

type response struct {
	ID      json.RawMessage    `json:"id"`
	Objects *[]json.RawMessage `json:"objects,omitempty"`
	Error   string             `json:"error,omitempty"`
	Partial []json.RawMessage  `json:"partial,omitempty"`
}

// noServer is the RESTClientGetter of a Builder that must never reach a cluster: every call fails.
type noServer struct{}

var errNoServer = errors.New("yaml-oracle runs without a cluster")

func (noServer) ToRESTConfig() (*rest.Config, error) { return nil, errNoServer }
func (noServer) ToDiscoveryClient() (discovery.CachedDiscoveryInterface, error) {
	return nil, errNoServer
}
func (noServer) ToRESTMapper() (meta.RESTMapper, error) { return nil, errNoServer }

// decodeFile runs kubectl's reading chain over one file and returns the objects it yields and its error.
func decodeFile(path string) (objects []json.RawMessage, failure error) {
	defer func() {
		if p := recover(); p != nil {
			failure = fmt.Errorf("panic: %v", p)
		}
	}()
	infos, err := resource.NewBuilder(noServer{}).
		Unstructured().
		Local().
		ContinueOnError().
		FilenameParam(false, &resource.FilenameOptions{Filenames: []string{path}}).
		Flatten().
		Do().
		Infos()
	for _, info := range infos {
		raw, encodeErr := encodeObject(info.Object)
		if encodeErr != nil {
			return objects, encodeErr
		}
		objects = append(objects, raw)
	}
	return objects, err
}

func encodeObject(obj runtime.Object) (json.RawMessage, error) {
	switch o := obj.(type) {
	case *unstructured.Unstructured:
		return json.Marshal(o.Object)
	default:
		// Not expected with Unstructured(): kubectl would encode it with UnstructuredJSONScheme.
		return runtime.Encode(unstructured.UnstructuredJSONScheme, obj)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "yaml-oracle-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "yaml-oracle:", err)
		os.Exit(2)
	}
	defer os.RemoveAll(dir)
	// A relative name keeps the temporary folder out of kubectl's messages ("error parsing manifest.yaml: ...").
	if err := os.Chdir(dir); err != nil {
		fmt.Fprintln(os.Stderr, "yaml-oracle:", err)
		os.Exit(2)
	}
	path := "manifest.yaml"

	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for {
		line, readErr := in.ReadBytes('\n')
		if len(line) > 0 {
			if err := handle(line, path, out); err != nil {
				out.Flush()
				fmt.Fprintln(os.Stderr, "yaml-oracle:", err)
				os.Exit(2)
			}
			// Answer each line at once: the caller sends a batch and waits for all of its answers.
			if in.Buffered() == 0 {
				if err := out.Flush(); err != nil {
					os.Exit(2)
				}
			}
		}
		if readErr == io.EOF {
			return
		}
		if readErr != nil {
			fmt.Fprintln(os.Stderr, "yaml-oracle:", readErr)
			os.Exit(2)
		}
	}
}

func handle(line []byte, path string, out *bufio.Writer) error {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return fmt.Errorf("bad input line: %v", err)
	}
	if req.Text == nil {
		return fmt.Errorf("input line without \"text\": %s", line)
	}
	if err := os.WriteFile(path, []byte(*req.Text), 0o600); err != nil {
		return err
	}
	objects, failure := decodeFile(path)
	res := response{ID: req.ID}
	if failure != nil {
		res.Error = failure.Error()
		res.Partial = objects
	} else {
		if objects == nil {
			objects = []json.RawMessage{}
		}
		res.Objects = &objects
	}
	encoded, err := json.Marshal(res)
	if err != nil {
		return err
	}
	encoded = append(encoded, '\n')
	_, err = out.Write(encoded)
	return err
}
