// Keep-alive agents, one per (protocol, proxy) pair, owned by one client and destroyed with
// it. Free sockets time out before common server idle limits so a reused socket is rarely
// one the server already closed.
import http from 'node:http';
import https from 'node:https';
import type { SecureContextOptions } from 'node:tls';

import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';

/** TLS options as a Node-RED tls-config node fills them in. */
export interface TlsOptions extends SecureContextOptions {
    rejectUnauthorized?: boolean;
    servername?: string;
}

const FREE_SOCKET_TIMEOUT_MS = 4000;

export class AgentPool {
    private readonly agents = new Map<string, http.Agent>();

    constructor(
        private readonly tls: TlsOptions = {},
        private readonly maxSockets = 64,
    ) {}

    /** The agent for a target protocol, direct or through `proxyUrl`. */
    agentFor(protocol: string, proxyUrl: string | undefined): http.Agent {
        const key = `${protocol}|${proxyUrl ?? ''}`;
        let agent = this.agents.get(key);
        if (!agent) {
            agent = this.create(protocol, proxyUrl);
            this.agents.set(key, agent);
        }
        return agent;
    }

    destroy(): void {
        for (const agent of this.agents.values()) agent.destroy();
        this.agents.clear();
    }

    private create(protocol: string, proxyUrl: string | undefined): http.Agent {
        const base = {
            keepAlive: true,
            maxSockets: this.maxSockets,
            timeout: FREE_SOCKET_TIMEOUT_MS,
        };
        const secure = protocol === 'https:';
        const tls = secure ? { ...this.tls } : {};

        if (proxyUrl) {
            const options = { ...base, ...tls, proxy: proxyUrl };
            return secure ? new HttpsProxyAgent(options) : new HttpProxyAgent(options);
        }
        return secure ? new https.Agent({ ...base, ...tls }) : new http.Agent(base);
    }
}
