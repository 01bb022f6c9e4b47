// The emulated platform's state: face-guard devices and the gateways they were added under,
// with optional JSON persistence so a user's offline flows keep their iotIds across restarts.
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Device {
    iotId: string;
    edgeGwIotId: string;
    deviceIp: string;
    productKey: string;
    deviceName: string;
    imageOssBucketName: string;
    imageOssEndPoint: string;
    /** null until a request sets it. */
    extInfo: string | null;
}

export type DeviceInput = Omit<Device, 'iotId'>;

interface StateFile {
    version: 1;
    devices: Device[];
    gateways: string[];
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `length` random letters and digits, from the CSPRNG so ids never repeat in practice. */
export function randomAlphanumeric(length: number): string {
    let text = '';
    for (let i = 0; i < length; i += 1) text += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
    return text;
}

/**
 * Shaped like the platform's iotIds (20 letters and digits, then `000100`, 26 characters)
 * so clients that check length or charset behave as they would in production.
 */
export function newIotId(): string {
    return `${randomAlphanumeric(20)}000100`;
}

export class DeviceStore {
    private readonly byIotId = new Map<string, Device>();
    private readonly gateways = new Set<string>();

    constructor(private readonly stateFile?: string) {
        if (stateFile && existsSync(stateFile)) this.load(stateFile);
    }

    /** Add-or-update: productKey + deviceName is the identity, so the iotId never changes. */
    upsert(input: DeviceInput): Device {
        const existing = this.find(input.productKey, input.deviceName);
        const device: Device = { ...input, iotId: existing?.iotId ?? newIotId() };

        this.byIotId.set(device.iotId, device);
        this.gateways.add(device.edgeGwIotId);
        this.save();
        return { ...device };
    }

    find(productKey: string, deviceName: string): Device | undefined {
        for (const device of this.byIotId.values()) {
            if (device.productKey === productKey && device.deviceName === deviceName) {
                return { ...device };
            }
        }
        return undefined;
    }

    get(iotId: string): Device | undefined {
        const device = this.byIotId.get(iotId);
        return device ? { ...device } : undefined;
    }

    /** Devices under a gateway; undefined when no device was ever added under it. */
    underGateway(edgeGwIotId: string): Device[] | undefined {
        if (!this.gateways.has(edgeGwIotId)) return undefined;
        return this.all().filter((device) => device.edgeGwIotId === edgeGwIotId);
    }

    all(): Device[] {
        return [...this.byIotId.values()].map((device) => ({ ...device }));
    }

    clear(): void {
        this.byIotId.clear();
        this.gateways.clear();
        this.save();
    }

    private load(file: string): void {
        let state: Partial<StateFile>;
        try {
            state = JSON.parse(readFileSync(file, 'utf8')) as Partial<StateFile>;
        } catch (error) {
            // Refuse to start rather than overwrite a user's devices with an empty state.
            throw new Error(
                `state file ${file} is not valid JSON: ${(error as Error).message}`,
            );
        }
        if (!Array.isArray(state.devices)) {
            throw new Error(`state file ${file} has no devices array`);
        }
        for (const device of state.devices) this.byIotId.set(device.iotId, device);
        for (const gateway of state.gateways ?? []) this.gateways.add(gateway);
    }

    /**
     * Writes a temp file and renames it over the old one: a crash mid-write leaves the
     * previous state, never half a JSON document. Synchronous so two quick changes cannot
     * finish their writes in the wrong order.
     */
    private save(): void {
        if (!this.stateFile) return;
        const state: StateFile = {
            version: 1,
            devices: this.all(),
            gateways: [...this.gateways],
        };
        const temp = `${this.stateFile}.${process.pid}.tmp`;
        writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
        renameSync(temp, this.stateFile);
    }
}
