import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

// For the cold-start measurement: every module of the start bundle has been evaluated.
performance.mark('modules-evaluated');
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// Queued before mount's own work (Svelte runs effects and onMount in a microtask): when the
// page first gets back to its microtasks after the first render.
queueMicrotask(() => performance.mark('first-microtask'));
const app = mount(App, { target });
performance.mark('mount-returned');
export default app;
