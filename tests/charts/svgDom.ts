// Just enough of the DOM for d3 to draw an <svg> in Node (unit tests run
// without a browser): elements in the SVG namespace with attributes, text and
// children, and a serializer that writes them out as SVG text for snapshots.
// Anything else d3 might ask for throws, so a drawing that needs more fails
// loudly here instead of drawing wrongly.

const SVG_NS = 'http://www.w3.org/2000/svg';

const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

class SvgNode {
  parentNode: SvgNode | null = null;
  childNodes: SvgNode[] = [];
  attributes = new Map<string, string>();
  private ownText = '';

  constructor(
    readonly ownerDocument: SvgDocument,
    readonly namespaceURI: string,
    readonly tagName: string,
  ) {}

  setAttribute(name: string, value: unknown): void {
    this.attributes.set(name, String(value));
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  appendChild(child: SvgNode): SvgNode {
    return this.insertBefore(child, null);
  }
  insertBefore(child: SvgNode, next: SvgNode | null): SvgNode {
    child.parentNode?.removeChild(child);
    const at = next === null ? -1 : this.childNodes.indexOf(next);
    if (at < 0) this.childNodes.push(child);
    else this.childNodes.splice(at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child: SvgNode): SvgNode {
    this.childNodes = this.childNodes.filter((c) => c !== child);
    child.parentNode = null;
    return child;
  }
  querySelectorAll(selector: string): SvgNode[] {
    if (selector !== '*') throw new Error(`svgDom: selector ${selector} is not supported`);
    return this.childNodes.flatMap((c) => [c, ...c.querySelectorAll('*')]);
  }
  get textContent(): string {
    return this.ownText + this.childNodes.map((c) => c.textContent).join('');
  }
  set textContent(text: string) {
    for (const c of this.childNodes) c.parentNode = null;
    this.childNodes = [];
    this.ownText = text;
  }
  /** The element as SVG text, one element a line, indented. */
  serialize(indent = ''): string {
    const attrs = [...this.attributes].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
    const text = escapeText(this.ownText);
    if (this.childNodes.length === 0) {
      return `${indent}<${this.tagName}${attrs}${text === '' ? '/>' : `>${text}</${this.tagName}>`}`;
    }
    const inner = this.childNodes.map((c) => c.serialize(`${indent}  `)).join('\n');
    return `${indent}<${this.tagName}${attrs}>${text}\n${inner}\n${indent}</${this.tagName}>`;
  }
  /** Descendants (and this) with a tag name. */
  all(tag: string): SvgNode[] {
    return [this, ...this.querySelectorAll('*')].filter((n) => n.tagName === tag);
  }
}

class SvgDocument {
  readonly documentElement = { namespaceURI: SVG_NS };
  createElementNS(namespace: string, tag: string): SvgNode {
    if (namespace !== SVG_NS) throw new Error(`svgDom: namespace ${namespace} is not supported`);
    return new SvgNode(this, namespace, tag);
  }
}

export type { SvgNode };

/** An empty <svg> element d3 can draw into; cast it where an SVGSVGElement is asked for. */
export function svgElement(): SvgNode {
  return new SvgDocument().createElementNS(SVG_NS, 'svg');
}

/** The element as it would be written to a .svg file. */
export function svgText(svg: SvgNode): string {
  svg.setAttribute('xmlns', SVG_NS);
  return `${svg.serialize()}\n`;
}
