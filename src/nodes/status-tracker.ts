// Keeps a node's status true to what is in flight on every path (success, failure, timeout,
// abort): blue while anything is requesting, then the last result, never stuck. Under load
// the "requesting (n)" count is redrawn at most every REFRESH_MS, and a success text is only
// translated when it is shown: translating and publishing a status twice per message cost
// as much CPU as signing and sending the request.
import type { Node, NodeAPI } from 'node-red';

/** A status text, or a function giving it, called only if the text is shown. */
type Text = string | (() => string);

/** How stale the in-flight count may be while requests keep overlapping. */
const REFRESH_MS = 250;

export class StatusTracker {
    private inFlight = 0;
    private refresh: NodeJS.Timeout | undefined;

    constructor(
        private readonly RED: NodeAPI,
        private readonly node: Node,
        private readonly prefix: string,
    ) {}

    started(): void {
        this.inFlight += 1;
        // Idle to busy shows at once; a changing count while busy waits for the refresh.
        if (this.inFlight === 1) this.showRequesting();
        else this.scheduleRefresh();
    }

    succeeded(text: Text): void {
        this.finish('green', 'dot', text);
    }

    failed(code: string): void {
        this.finish('red', 'ring', code);
    }

    /** A failure that never started a request (validation, config). */
    refused(code: string): void {
        if (this.inFlight === 0) this.node.status({ fill: 'red', shape: 'ring', text: code });
    }

    problem(key: string): void {
        this.node.status({
            fill: 'red',
            shape: 'ring',
            // A bare key: the editor translates it into each viewer's own language.
            text: `${this.prefix}.status.${key}`,
        });
    }

    clear(): void {
        this.inFlight = 0;
        this.cancelRefresh();
        this.node.status({});
    }

    private finish(fill: 'green' | 'red', shape: 'dot' | 'ring', text: Text): void {
        this.inFlight = Math.max(0, this.inFlight - 1);
        if (this.inFlight > 0) return this.scheduleRefresh();
        // The last answer always shows at once, so the status is never left on requesting.
        this.cancelRefresh();
        this.node.status({ fill, shape, text: typeof text === 'function' ? text() : text });
    }

    private scheduleRefresh(): void {
        if (this.refresh) return;
        this.refresh = setTimeout(() => {
            this.refresh = undefined;
            if (this.inFlight > 0) this.showRequesting();
        }, REFRESH_MS);
        // A pending redraw must not keep a stopping runtime alive.
        this.refresh.unref();
    }

    private cancelRefresh(): void {
        clearTimeout(this.refresh);
        this.refresh = undefined;
    }

    private showRequesting(): void {
        const text =
            this.inFlight === 1
                ? `${this.prefix}.status.requesting`
                : this.RED._(`${this.prefix}.status.requestingCount`, { count: this.inFlight });
        this.node.status({ fill: 'blue', shape: 'dot', text });
    }
}
