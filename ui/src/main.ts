// When the script started, for the start-up benchmark (tests/e2e/bench.mjs).
performance.mark('amends:script');
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

mount(App, { target: document.getElementById('app')! });
