/**
 * Test kernel (JavaScript stand-in for Pyodide). It understands a tiny Python subset, enough to
 * produce real Jupyter messages: `print(...)` writes its arguments to stdout, `raise Name("msg")`
 * fails with a traceback, `sleep(seconds)` waits, and the last line, if a literal, is the result.
 */
import type { KernelMessage } from '@jupyterlab/services';
import { BaseKernel } from '@jupyterlite/services';

const RAISE = /^raise\s+([A-Za-z_][\w.]*)\s*(?:\((.*)\))?\s*$/;
const PRINT = /^print\((.*)\)\s*$/;
const SLEEP = /^(?:time\.)?sleep\(\s*([\d.]+)\s*\)\s*$/;
const LITERAL = /^(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*")$/;

function unquote(text: string): string {
  const trimmed = text.trim();
  if (/^(['"]).*\1$/.test(trimmed)) return trimmed.slice(1, -1);
  return trimmed;
}

function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of args) {
    if (quote) {
      if (char === quote) quote = null;
      current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === ',') {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim()) parts.push(current);
  return parts.map(unquote);
}

export class TestKernel extends BaseKernel {
  async kernelInfoRequest(): Promise<KernelMessage.IInfoReplyMsg['content']> {
    return {
      implementation: 'test-js',
      implementation_version: '1.0.0',
      language_info: {
        name: 'python',
        version: '3.13',
        mimetype: 'text/x-python',
        file_extension: '.py',
        codemirror_mode: { name: 'python', version: 3 },
        nbconvert_exporter: 'python',
        pygments_lexer: 'ipython3',
      },
      protocol_version: '5.3',
      status: 'ok',
      banner: 'Test kernel (JavaScript stand-in for Pyodide)',
      help_links: [],
    };
  }

  async executeRequest(
    content: KernelMessage.IExecuteRequestMsg['content'],
  ): Promise<KernelMessage.IExecuteReplyMsg['content']> {
    const lines = content.code.split('\n');
    let lastValue: string | null = null;
    for (const [number, rawLine] of lines.entries()) {
      const line = rawLine.trim();
      lastValue = null;
      if (!line || line.startsWith('#')) continue;
      const raised = RAISE.exec(line);
      if (raised) {
        const ename = raised[1] ?? 'Exception';
        const evalue = raised[2] ? unquote(raised[2]) : '';
        const traceback = [
          '\u001b[0;31m---------------------------------------------------------------------------\u001b[0m',
          `\u001b[0;31m${ename}\u001b[0m                         Traceback (most recent call last)`,
          `Cell \u001b[0;32mIn[${this.executionCount}], line ${number + 1}\u001b[0m`,
          `\u001b[0;32m----> ${number + 1}\u001b[0m ${line}`,
          '',
          `\u001b[0;31m${ename}\u001b[0m: ${evalue}`,
        ];
        this.publishExecuteError({ ename, evalue, traceback });
        return { status: 'error', execution_count: this.executionCount, ename, evalue, traceback };
      }
      const printed = PRINT.exec(line);
      if (printed) {
        this.stream({ name: 'stdout', text: `${splitArgs(printed[1] ?? '').join(' ')}\n` });
        continue;
      }
      const sleep = SLEEP.exec(line);
      if (sleep) {
        await new Promise((resolve) => setTimeout(resolve, Number(sleep[1]) * 1000));
        continue;
      }
      if (LITERAL.test(line)) lastValue = line;
    }
    if (lastValue !== null) {
      this.publishExecuteResult({
        execution_count: this.executionCount,
        data: { 'text/plain': lastValue },
        metadata: {},
      });
    }
    return { status: 'ok', execution_count: this.executionCount, user_expressions: {} };
  }

  async completeRequest(
    content: KernelMessage.ICompleteRequestMsg['content'],
  ): Promise<KernelMessage.ICompleteReplyMsg['content']> {
    return {
      matches: [],
      cursor_start: content.cursor_pos,
      cursor_end: content.cursor_pos,
      metadata: {},
      status: 'ok',
    };
  }

  async inspectRequest(): Promise<KernelMessage.IInspectReplyMsg['content']> {
    return { status: 'ok', found: false, data: {}, metadata: {} };
  }

  async isCompleteRequest(): Promise<KernelMessage.IIsCompleteReplyMsg['content']> {
    return { status: 'complete' };
  }

  async commInfoRequest(): Promise<KernelMessage.ICommInfoReplyMsg['content']> {
    return { status: 'ok', comms: {} };
  }

  inputReply(): void {}

  async commOpen(): Promise<void> {}

  async commMsg(): Promise<void> {}

  async commClose(): Promise<void> {}
}
