import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import {
  bracketMatching,
  defaultHighlightStyle,
  LRLanguage,
  LanguageSupport,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { parser as htmlParser } from '@lezer/html';
import { type CompletionCatalogue, handlebarsCompletion, handlebarsHighlight } from './handlebars-support.js';

/** A problem of the server's check, placed by line and column (1-based). */
export interface FieldProblem {
  message: string;
  line?: number;
  column?: number;
  variable?: string;
  code?: string;
}

export interface CodeFieldOptions {
  parent: HTMLElement;
  value: string;
  /** `html` highlights the markup; `text` is plain (subject, preheader, text part). */
  mode: 'html' | 'text';
  /** One line only (subject, preheader): Enter does nothing and pasted newlines become spaces. */
  singleLine?: boolean;
  /** The accessible name of the editing area (the visible label's text). */
  label: string;
  /** The id of the element describing the field (its problems). */
  describedBy?: string;
  placeholder?: string;
  catalogue: CompletionCatalogue;
  onChange(value: string): void;
}

/** One CodeMirror editor of a template field. */
export interface CodeField {
  value(): string;
  setValue(value: string): void;
  /** Shows the server's problems as inline markers (replacing the previous ones). */
  setProblems(problems: readonly FieldProblem[]): void;
  focus(): void;
  destroy(): void;
}

/**
 * A template field as a code editor (CodeMirror 6): HTML and `{{…}}` highlighting, completion of variables and
 * helpers, the server's problems as markers where they are.
 */
export function createCodeField(options: CodeFieldOptions): CodeField {
  const extensions: Extension[] = [
    history(),
    closeBrackets(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    handlebarsHighlight,
    autocompletion({ override: [handlebarsCompletion(options.catalogue)], icons: false }),
    keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      'aria-label': options.label,
      ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
      ...(options.singleLine ? {} : { 'aria-multiline': 'true' }),
    }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  if (options.placeholder) extensions.push(placeholder(options.placeholder));
  if (options.mode === 'html') extensions.push(emailHtml);
  if (options.singleLine) {
    extensions.push(
      EditorState.transactionFilter.of((tr) => {
        if (!tr.docChanged || tr.newDoc.lines <= 1) return tr;
        const text = tr.newDoc.toString().replace(/\r?\n/g, ' ');
        return [tr, { changes: { from: 0, to: tr.newDoc.length, insert: text }, sequential: true }];
      }),
    );
  } else {
    // Tab is left to the browser, so keyboard users move on to the next field (e-mail HTML needs no indenting).
    extensions.push(lineNumbers(), lintGutter());
  }
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({ doc: options.value, extensions }),
  });
  return {
    value: () => view.state.doc.toString(),
    setValue(value) {
      if (value === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    },
    setProblems(problems) {
      view.dispatch(
        setDiagnostics(
          view.state,
          problems.map((p) => diagnosticOf(view.state, p)),
        ),
      );
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

/** Where a problem sits: from its line and column to the end of its `{{…}}` (or of the variable's name). */
function diagnosticOf(state: EditorState, problem: FieldProblem): Diagnostic {
  const doc = state.doc;
  const lineNo = Math.min(Math.max(problem.line ?? 1, 1), doc.lines);
  const line = doc.line(lineNo);
  let from = Math.min(line.from + Math.max((problem.column ?? 1) - 1, 0), line.to);
  let to = line.to;
  if (problem.variable) {
    // The variable's column is not always given: find its first use on the line.
    const at = line.text.indexOf(problem.variable, problem.column ? from - line.from : 0);
    const index = at >= 0 ? at : line.text.indexOf(problem.variable);
    if (index >= 0) {
      from = line.from + index;
      to = from + problem.variable.length;
    }
  } else {
    const close = line.text.indexOf('}}', from - line.from);
    if (close >= 0) to = line.from + close + 2;
  }
  if (to <= from) to = Math.min(from + 1, doc.length);
  if (to <= from) from = Math.max(to - 1, 0);
  return { from, to, severity: 'error', message: problem.message };
}

/**
 * HTML highlighting from the Lezer grammar alone: `@codemirror/lang-html` nests the CSS and JavaScript languages
 * (for `<style>` and `<script>`, which e-mail clients strip anyway) and would triple this bundle.
 */
const emailHtml = new LanguageSupport(LRLanguage.define({ name: 'html', parser: htmlParser }));
