/**
 * Small helpers of the site's script: element look-up, guarded localStorage (it may be
 * unavailable: private windows, some file:// policies — every access is guarded and the page
 * still works), and the `{n}` templates of the page's labels.
 */

export const doc = document;
export const root = doc.documentElement;

export const byId = (id: string): HTMLElement | null => doc.getElementById(id);

/** Every element matching `selector` under `scope`, as an array. */
export const all = <E extends Element = HTMLElement>(selector: string, scope: ParentNode = doc): E[] =>
  [].slice.call(scope.querySelectorAll(selector)) as E[];

export function stored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

export function store(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch (e) {
    /* storage disabled: the choice lasts for this page only */
  }
}

export const fill = (template: string | undefined, n: number): string =>
  String(template || '').replace('{n}', String(n));

export const plural = (forms: readonly [string, string] | undefined, n: number): string =>
  fill(forms && (n === 1 ? forms[0] : forms[1]), n);

export const lower = (s: string | null): string => String(s).toLowerCase();
