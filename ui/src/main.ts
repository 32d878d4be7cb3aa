import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// For the cold-start measurement: every module of the start bundle has been evaluated.
performance.mark('modules-evaluated');
// The app's font (app.css) is loaded before the first render: while it loads, WebKitGTK lays text
// out with the next families of the stack, looking each up in fontconfig first (0.1 s of a cold
// start on Linux). Never waits long: a font that does not come is the stack's next family.
await Promise.race([
  document.fonts?.load('1em Nunito').catch(() => []),
  new Promise((resolve) => setTimeout(resolve, 300)),
]);
performance.mark('font-loaded');
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Queued before mount's own work (Svelte runs effects and onMount in a microtask): when the
// page first gets back to its microtasks after the first render.
queueMicrotask(() => performance.mark('first-microtask'));
const app = mount(App, { target });
performance.mark('mount-returned');
export default app;
