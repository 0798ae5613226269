/** Test helper: the events of a text in a compact notation (after the YAML test suite's tree format). */
import { CollectionStyle, EventType, ScalarStyle } from '../../../src/decode/goyaml/events';
import { YamlEventParser } from '../../../src/decode/goyaml/parser';

const STYLE_MARK: Record<number, string> = {
  [ScalarStyle.PLAIN]: ':',
  [ScalarStyle.SINGLE_QUOTED]: "'",
  [ScalarStyle.DOUBLE_QUOTED]: '"',
  [ScalarStyle.LITERAL]: '|',
  [ScalarStyle.FOLDED]: '>',
};

function props(p: YamlEventParser): string {
  return (p.anchor ? ` &${p.anchor}` : '') + (p.tag ? ` <${p.tag}>` : '');
}

function escape(v: string): string {
  return JSON.stringify(v).slice(1, -1);
}

/** One line per event: +STR, +DOC ---, +MAP {} &a <tag>, =VAL :plain, =ALI *a, -SEQ, -DOC ..., -STR. */
export function events(text: string): string[] {
  const p = new YamlEventParser(text);
  const out: string[] = [];
  while (p.next()) {
    switch (p.type) {
      case EventType.STREAM_START: out.push('+STR'); break;
      case EventType.STREAM_END: out.push('-STR'); break;
      case EventType.DOCUMENT_START: out.push('+DOC' + (p.explicit ? ' ---' : '')); break;
      case EventType.DOCUMENT_END: out.push('-DOC' + (p.explicit ? ' ...' : '')); break;
      case EventType.MAPPING_START: out.push('+MAP' + (p.style === CollectionStyle.FLOW ? ' {}' : '') + props(p)); break;
      case EventType.MAPPING_END: out.push('-MAP'); break;
      case EventType.SEQUENCE_START: out.push('+SEQ' + (p.style === CollectionStyle.FLOW ? ' []' : '') + props(p)); break;
      case EventType.SEQUENCE_END: out.push('-SEQ'); break;
      case EventType.SCALAR: out.push('=VAL' + props(p) + ' ' + STYLE_MARK[p.style] + escape(p.value)); break;
      case EventType.ALIAS: out.push('=ALI *' + p.anchor); break;
    }
  }
  return out;
}

/** The events between +DOC and -DOC of the first document, for shorter tables. */
export function body(text: string): string[] {
  const all = events(text);
  const start = all.findIndex((e) => e.startsWith('+DOC'));
  const end = all.findIndex((e) => e.startsWith('-DOC'));
  return all.slice(start + 1, end);
}
