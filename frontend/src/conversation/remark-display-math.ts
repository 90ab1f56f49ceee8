/**
 * Models often write display maths on one line (`$$x^2$$`), which remark-math reads as inline
 * maths. A paragraph holding nothing but one such `$$…$$` becomes a display block, as intended.
 * Structural types keep this free of extra type packages.
 */
interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number } };
  data?: Record<string, unknown>;
}

export function remarkDisplayMath() {
  return (tree: Node, file: { value: unknown }) => {
    const source = String(file.value);
    const visit = (parent: Node) => {
      parent.children = parent.children?.map((child) => {
        if (child.type === 'paragraph' && child.children?.length === 1) {
          const only = child.children[0]!;
          const start = only.position?.start.offset;
          if (only.type === 'inlineMath' && start !== undefined && source.startsWith('$$', start)) {
            return {
              type: 'math',
              value: only.value ?? '',
              position: child.position,
              data: {
                hName: 'pre',
                hChildren: [
                  {
                    type: 'element',
                    tagName: 'code',
                    properties: { className: ['language-math', 'math-display'] },
                    children: [{ type: 'text', value: only.value ?? '' }],
                  },
                ],
              },
            };
          }
        }
        if (child.children) visit(child);
        return child;
      });
    };
    visit(tree);
  };
}
