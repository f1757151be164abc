/** The template editor's module: CodeMirror and the Handlebars support, a bundle of its own. */
export type TemplateEditorModule = typeof import('./template-editor/index.js');

let loading: Promise<TemplateEditorModule> | null = null;

/**
 * Loads `template-editor.js` once, when a template is first opened: CodeMirror stays out of the first page's
 * download.
 */
export function loadTemplateEditor(): Promise<TemplateEditorModule> {
  loading ??= (
    import(
      /* @vite-ignore */ new URL('./template-editor.js', location.href).toString()
    ) as Promise<TemplateEditorModule>
  ).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
