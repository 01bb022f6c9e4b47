// The Living Platform face-guard device APIs behind the gateway. One table of routes, so a
// further API is one more entry; each handler validates like the platform, then acts.
import { readEnvelope } from './api-envelope';
import { routeNotFound, success, type ApiReply } from './api-reply';
import { randomAlphanumeric, type Device, type DeviceStore } from './device-store';
import { optionalString, ParamError, requiredString, RULES } from './param-rules';

export interface ApiRoute {
    path: string;
    apiVer: string;
    handle(params: Record<string, unknown>, store: DeviceStore): ApiReply;
}

export const DEFAULT_OSS_ENDPOINT = 'http://oss-cn-shanghai.aliyuncs.com';

/** What `query` reports for every face-guard device; wording from the platform's example. */
export const FACE_GUARD_CATEGORY = {
    categoryKey: 'FaceRecognitionAccessControl',
    categoryName: '人脸识别门禁',
};

/** The platform generates 20 letters and digits, like its own DeviceNames. */
function generatedDeviceName(): string {
    return randomAlphanumeric(20);
}

/**
 * Add-or-update. On update, an optional field that is absent keeps its stored value; a
 * field that is present (extInfo '' included) replaces it.
 */
function addDevice(params: Record<string, unknown>, store: DeviceStore): ApiReply {
    const deviceIp = requiredString(params, 'deviceIp', RULES.deviceIp);
    const edgeGwIotId = requiredString(params, 'edgeGwIotId');
    const productKey = requiredString(params, 'productKey');
    const bucket = requiredString(params, 'imageOssBucketName', RULES.imageOssBucketName);
    const deviceName = optionalString(params, 'deviceName', RULES.deviceName, true);
    const endPoint = optionalString(params, 'imageOssEndPoint', RULES.imageOssEndPoint, true);
    const extInfo = optionalString(params, 'extInfo', RULES.extInfo, false);

    const name = deviceName ?? generatedDeviceName();
    const existing = store.find(productKey, name);
    const device = store.upsert({
        edgeGwIotId,
        deviceIp,
        productKey,
        deviceName: name,
        imageOssBucketName: bucket,
        imageOssEndPoint: endPoint ?? existing?.imageOssEndPoint ?? DEFAULT_OSS_ENDPOINT,
        extInfo: extInfo ?? existing?.extInfo ?? null,
    });
    return success({ iotId: device.iotId });
}

/** An unknown iotId is a 460: our assumption, the platform's wording is not documented. */
function getDevice(params: Record<string, unknown>, store: DeviceStore): ApiReply {
    const iotId = requiredString(params, 'iotId');
    const device = store.get(iotId);
    if (!device) {
        throw new ParamError({
            code: 460,
            message: `request parameter error: device ${iotId} does not exist`,
            localizedMsg: `请求参数错误：设备 ${iotId} 不存在`,
            data: null,
        });
    }
    return success(device);
}

function summary(device: Device): Record<string, unknown> {
    const { iotId, productKey, deviceName } = device;
    return { iotId, productKey, deviceName, ...FACE_GUARD_CATEGORY, status: 1 };
}

function queryDevices(params: Record<string, unknown>, store: DeviceStore): ApiReply {
    const edgeGwIotId = requiredString(params, 'edgeGwIotId');
    const devices = store.underGateway(edgeGwIotId);
    if (!devices) {
        throw new ParamError({
            code: 460,
            message: `request parameter error: gateway ${edgeGwIotId} not found`,
            localizedMsg: `请求参数错误：网关 ${edgeGwIotId} 不存在`,
            data: null,
        });
    }
    return success(devices.map(summary));
}

export const API_ROUTES: readonly ApiRoute[] = [
    { path: '/face/paas/edge/guard/device/add', apiVer: '1.0.0', handle: addDevice },
    { path: '/face/paas/edge/guard/device/get', apiVer: '1.0.0', handle: getDevice },
    { path: '/face/paas/edge/guard/device/query', apiVer: '1.0.0', handle: queryDevices },
];

export function findRoute(path: string): ApiRoute | undefined {
    return API_ROUTES.find((route) => route.path === path);
}

export interface ApiOutcome {
    reply: ApiReply;
    /** The envelope id to echo, when there was one. */
    id?: string;
}

/** Envelope, apiVer, then the handler; every failure is an ApiReply, never a throw. */
export function serveApi(route: ApiRoute, body: Buffer, store: DeviceStore): ApiOutcome {
    const read = readEnvelope(body);
    if ('reply' in read) return read;

    const { id, apiVer, params } = read.envelope;
    if (apiVer !== route.apiVer) return { id, reply: routeNotFound(route.path, apiVer) };
    try {
        return { id, reply: route.handle(params, store) };
    } catch (error) {
        if (error instanceof ParamError) return { id, reply: error.reply };
        throw error;
    }
}
