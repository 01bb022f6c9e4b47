// Public face of the operations layer: the face-guard APIs with their validation.
export {
    ADD_DEVICE,
    ADD_DEVICE_FIELD_NAMES,
    ADD_DEVICE_FIELDS,
    addDevice,
    validateAddDevice,
} from './add-device';
export { deviceStatusName, withStatusName, type DeviceStatusName } from './device-status';
export * as fieldRules from './field-rules';
export {
    callApi,
    GENERIC_CALL_REASONS,
    isApiPath,
    isApiVersion,
    validateGenericCall,
    type GenericCallInput,
    type GenericCallReason,
    type GenericCallResult,
} from './generic-call';
export { GET_DEVICE, GET_DEVICE_FIELDS, getDevice, validateGetDevice } from './get-device';
export { validateParams, type FieldSpec, type ParamsResult } from './params';
export {
    QUERY_DEVICES,
    QUERY_DEVICES_FIELDS,
    queryDevices,
    validateQueryDevices,
} from './query-devices';
