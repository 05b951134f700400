// Starts Swagger UI in #swagger-ui over the API's OpenAPI document. A file of its own, not an
// inline script, so the page's Content-Security-Policy allows only the origin's script files.
// Runs deferred, after swagger-ui-bundle.js has defined `window.SwaggerUIBundle`.
window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
