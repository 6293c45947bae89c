// CSS imports of the web app, bundled by Vite
/// <reference types="vite/client" />
