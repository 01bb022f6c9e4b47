// The Living Platform's answer inside an HTTP 200: {id, code, message, localizedMsg, data}.
// Success is code 200; every other code is a failure the client must surface.

export interface ApiReply {
    code: number;
    message: string | null;
    localizedMsg: string | null;
    data?: unknown;
}

export function success(data: unknown): ApiReply {
    return { code: 200, message: 'success', localizedMsg: null, data };
}

/** 460 names the offending field in both languages, as the platform's messages do. */
export function paramError(english: string, chinese: string): ApiReply {
    return {
        code: 460,
        message: `request parameter error: ${english}`,
        localizedMsg: `请求参数错误：${chinese}`,
        data: null,
    };
}

/** 20003 is what the platform answers to an apiVer it has not published for the path. */
export function routeNotFound(path: string, apiVer: string): ApiReply {
    return {
        code: 20003,
        message: `backend route not found: ${path} has no apiVer ${apiVer}`,
        localizedMsg: '后端路由未找到，请检查 apiVer、域名、路径和环境',
        data: null,
    };
}

/** Business-code faults, worded like the platform's common codes. */
export const FAULT_REPLIES = {
    'api-429': { code: 429, message: 'too many requests', localizedMsg: '请求过于频繁' },
    'api-20056': {
        code: 20056,
        message: 'backend service invoke timeout',
        localizedMsg: '后端服务调用超时',
    },
    'api-500': { code: 500, message: 'system error', localizedMsg: '系统错误' },
    // A parameter the platform refuses although it looks right from outside (e.g. a
    // productKey of another account): the one API failure a careful client cannot pre-empt.
    'api-460': { code: 460, message: 'request parameter error', localizedMsg: '请求参数错误' },
} as const satisfies Record<string, ApiReply>;
