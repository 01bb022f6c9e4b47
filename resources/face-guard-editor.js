// Editor helpers shared by every node dialog of this package, served by Node-RED at
// resources/node-red-contrib-aliyun-face-guard/face-guard-editor.js.
(function () {
    'use strict';

    /**
     * Shows what the runtime uses for a property the node lacks (a flow written by hand or
     * by an older version): the same defaults as a node fresh from the palette, so pressing
     * Done saves them.
     */
    function showDefaults(node) {
        Object.keys(node._def.defaults).forEach(function (name) {
            var spec = node._def.defaults[name];
            var plain = typeof spec.value === 'string' || typeof spec.value === 'number';
            if (node[name] === undefined && !spec.type && plain) {
                $('#node-input-' + name).val(spec.value);
            }
        });
    }

    window.FaceGuardEditor = { showDefaults: showDefaults };
})();
