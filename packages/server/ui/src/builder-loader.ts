let loading: Promise<boolean> | null = null;

/** Loads the `<swigs-automation-builder>` bundle once; resolves false when the server does not ship it. */
export function loadBuilder(): Promise<boolean> {
  if (customElements.get('swigs-automation-builder')) return Promise.resolve(true);
  loading ??= import(/* @vite-ignore */ new URL('./builder.js', location.href).toString()).then(
    () => customElements.whenDefined('swigs-automation-builder').then(() => true),
    () => {
      loading = null;
      return false;
    },
  );
  return loading;
}
