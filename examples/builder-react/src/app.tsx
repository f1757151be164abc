import { useEffect, useState } from 'react';
import type { Automation, NodeTypeDescriptor } from '@swigs/automation-core';
import { SwigsAutomationBuilderReact } from '@swigs/automation-builder/react';

const initial = {
  id: 'react-demo',
  userId: 'demo',
  name: 'Bienvenue client',
  description: '',
  isActive: false,
  version: 1,
  stats: { totalRuns: 0, successfulRuns: 0, failedRuns: 0, lastRunAt: null, lastError: null },
  trigger: {
    type: 'customer.created',
    config: {},
    position: { x: 0, y: 0 },
    connections: [{ targetId: 'send-email-1', condition: 'default' as const }],
  },
  nodes: [
    {
      id: 'send-email-1',
      type: 'send_email',
      position: { x: 300, y: 0 },
      config: { to: '{{trigger.email}}', subject: 'Bienvenue !', body: '<p>Bienvenue chez nous.</p>' },
      connections: [],
    },
  ],
} satisfies Automation;

/** The React side owns the automation: every `swigs-change` is stored in state and rendered beside the builder. */
export function App() {
  const [nodeTypes, setNodeTypes] = useState<NodeTypeDescriptor[]>();
  const [automation, setAutomation] = useState<Automation>(initial);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void fetch('/api/node-types')
      .then((response) => response.json())
      .then(setNodeTypes);
  }, []);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <h1 style={{ fontSize: 18, margin: 8 }}>SWIGS dans React</h1>
      <p style={{ margin: 8 }} data-testid="react-summary">
        {automation.nodes.length} étape(s) · {saved || 'non enregistrée'}
      </p>
      <div style={{ flex: 1, minHeight: 0 }}>
        {nodeTypes && (
          <SwigsAutomationBuilderReact
            automation={automation}
            nodeTypes={nodeTypes}
            lang="fr"
            theme="light"
            onSwigsChange={(event) => setAutomation(event.automation)}
            onSwigsSave={(event) => setSaved(event.draft ? 'brouillon' : 'enregistrée')}
          />
        )}
      </div>
    </div>
  );
}
