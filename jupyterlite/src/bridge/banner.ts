import { Widget } from '@lumino/widgets';

/** A notice above the cells, shown when the Python runtime could not start. */
export class KernelBanner extends Widget {
  private readonly detail: HTMLElement;

  constructor() {
    super();
    this.addClass('tutor-KernelBanner');
    this.node.setAttribute('role', 'alert');
    const title = document.createElement('strong');
    title.textContent = 'Python could not start, so code cells cannot run right now.';
    const hint = document.createElement('span');
    hint.textContent = 'You can keep editing; your work is kept. Restart the kernel to try again.';
    this.detail = document.createElement('span');
    this.detail.className = 'tutor-KernelBanner-detail';
    this.node.append(title, hint, this.detail);
    this.hide();
    window.addEventListener('resize', () => {
      if (this.isVisible) this.fitToContent();
    });
  }

  showFailure(message: string): void {
    this.detail.textContent = message;
    this.show();
    this.fitToContent();
  }

  clear(): void {
    this.hide();
  }

  /** Lumino lays boxes out from their CSS size limits: reserve the height the text needs. */
  private fitToContent(): void {
    this.node.style.minHeight = '';
    requestAnimationFrame(() => {
      this.node.style.minHeight = `${this.node.scrollHeight}px`;
      this.parent?.fit();
    });
  }
}
