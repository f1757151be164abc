import { SwigsApp } from './app-shell.js';
import { FreeInvoiceDialog } from './components/free-invoice-dialog.js';
import { AutomationsPage } from './pages/automations-page.js';
import { BuilderPage } from './pages/builder-page.js';
import { ExecutionsPage } from './pages/executions-page.js';
import { InvoicePage } from './pages/invoice-page.js';
import { LoginPage } from './pages/login-page.js';
import { OutboxPage } from './pages/outbox-page.js';
import { ProjectPage } from './pages/project-page.js';
import { ProjectsPage } from './pages/projects-page.js';
import { RunPage } from './pages/run-page.js';
import { RunsPage } from './pages/runs-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { TemplatePage } from './pages/template-page.js';
import { TemplatesPage } from './pages/templates-page.js';

const elements: Record<string, CustomElementConstructor> = {
  'swigs-login-page': LoginPage,
  'swigs-automations-page': AutomationsPage,
  'swigs-builder-page': BuilderPage,
  'swigs-runs-page': RunsPage,
  'swigs-run-page': RunPage,
  'swigs-executions-page': ExecutionsPage,
  'swigs-templates-page': TemplatesPage,
  'swigs-template-page': TemplatePage,
  'swigs-outbox-page': OutboxPage,
  'swigs-projects-page': ProjectsPage,
  'swigs-project-page': ProjectPage,
  'swigs-invoice-page': InvoicePage,
  'swigs-settings-page': SettingsPage,
  'swigs-free-invoice-dialog': FreeInvoiceDialog,
  // The shell last, so every page is defined when it first renders.
  'swigs-app': SwigsApp,
};
for (const [tag, ctor] of Object.entries(elements)) if (!customElements.get(tag)) customElements.define(tag, ctor);
