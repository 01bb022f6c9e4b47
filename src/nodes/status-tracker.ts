// Keeps a node's status true to what is in flight on every path (success, failure, timeout,
// abort): blue while anything is requesting, then the last result, never stuck.
import type { Node, NodeAPI } from 'node-red';

export class StatusTracker {
    private inFlight = 0;

    constructor(
        private readonly RED: NodeAPI,
        private readonly node: Node,
        private readonly prefix: string,
    ) {}

    started(): void {
        this.inFlight += 1;
        this.showRequesting();
    }

    succeeded(text: string): void {
        this.finish({ fill: 'green', shape: 'dot', text });
    }

    failed(code: string): void {
        this.finish({ fill: 'red', shape: 'ring', text: code });
    }

    /** A failure that never started a request (validation, config). */
    refused(code: string): void {
        if (this.inFlight === 0) this.node.status({ fill: 'red', shape: 'ring', text: code });
    }

    problem(key: string): void {
        this.node.status({
            fill: 'red',
            shape: 'ring',
            text: this.RED._(`${this.prefix}.status.${key}`),
        });
    }

    clear(): void {
        this.inFlight = 0;
        this.node.status({});
    }

    private finish(status: {
        fill: 'green' | 'red';
        shape: 'dot' | 'ring';
        text: string;
    }): void {
        this.inFlight = Math.max(0, this.inFlight - 1);
        if (this.inFlight > 0) this.showRequesting();
        else this.node.status(status);
    }

    private showRequesting(): void {
        const text =
            this.inFlight === 1
                ? this.RED._(`${this.prefix}.status.requesting`)
                : this.RED._(`${this.prefix}.status.requestingCount`, { count: this.inFlight });
        this.node.status({ fill: 'blue', shape: 'dot', text });
    }
}
