// Starts the Scalar API reference on /api from a file instead of the inline module Scalar's own page uses,
// so the page runs under a Content-Security-Policy without 'unsafe-inline' script. No telemetry, fonts,
// agent or MCP features; the document is this instance's /openapi/v1.json.
import { initialize } from '/api/scalar.aspnetcore.js';

initialize('%2Fapi', false, {
    authentication: { preferredSecurityScheme: ['Bearer'] },
    withDefaultFonts: false,
    favicon: '/api/favicon.svg',
    _integration: 'dotnet',
    hideClientButton: true,
    sources: [{ title: 'v1', url: '/openapi/v1.json' }],
    telemetry: false,
    showDeveloperTools: 'never',
    agent: { disabled: true },
    mcp: { disabled: true },
}, '');
