import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import cytoscape from 'cytoscape';
import { Button, EmptyState, Select, Spinner } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import { ORGANISATION_TYPES, type Network, type OrganisationType } from '../../../../shared/contract/contacts';

/** One colour per organisation type, for the graph and its legend. */
const TYPE_COLOURS: Record<OrganisationType, string> = {
  icrc: '#c62828',
  national_society: '#e65100',
  undss: '#1565c0',
  inso: '#00838f',
  ingo: '#2e7d32',
  nngo: '#7cb342',
  authority: '#6a1b9a',
  police: '#283593',
  military: '#4e342e',
  embassy: '#ad1457',
  community: '#f9a825',
  vendor: '#546e7a',
  other: '#8d8d8d',
};
const CONTACT_COLOUR = '#5f6b78';
const SENSITIVE_COLOUR = '#b3261e';

/** The graph's elements: organisations and contacts as nodes, membership and "knows" links as edges. */
function toElements(network: Network): { elements: cytoscape.ElementDefinition[]; nodes: number; edges: number } {
  const orgIds = new Set(network.organisations.map((o) => o.id));
  const contactIds = new Set(network.contacts.map((c) => c.id));
  const elements: cytoscape.ElementDefinition[] = [];
  for (const o of network.organisations) {
    elements.push({ group: 'nodes', data: { id: `o:${o.id}`, label: o.name, kind: 'organisation', colour: TYPE_COLOURS[o.type] } });
  }
  for (const c of network.contacts) {
    elements.push({
      group: 'nodes',
      data: { id: `c:${c.id}`, label: c.name, kind: 'contact', contactId: c.id },
      classes: [c.sensitive ? 'sensitive' : '', c.stale ? 'stale' : ''].filter(Boolean).join(' '),
    });
  }
  let edges = 0;
  for (const c of network.contacts) {
    if (c.organisationId && orgIds.has(c.organisationId)) {
      elements.push({ group: 'edges', data: { id: `m:${c.id}`, source: `c:${c.id}`, target: `o:${c.organisationId}` }, classes: 'member' });
      edges += 1;
    }
  }
  for (const l of network.links) {
    if (contactIds.has(l.fromContactId) && contactIds.has(l.toContactId)) {
      elements.push({ group: 'edges', data: { id: `l:${l.id}`, source: `c:${l.fromContactId}`, target: `c:${l.toContactId}` }, classes: 'knows' });
      edges += 1;
    }
  }
  return { elements, nodes: network.organisations.length + network.contacts.length, edges };
}

function themeColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

function graphStyle(): cytoscape.StylesheetJson {
  const text = themeColour('--v-text', '#1b222b');
  const surface = themeColour('--v-surface', '#ffffff');
  const muted = themeColour('--v-text-faint', '#808a96');
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: text,
        'font-size': 13,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': surface,
        'text-outline-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'node[kind = "organisation"]',
      style: { width: 56, height: 56, 'background-color': 'data(colour)', 'font-size': 16, 'font-weight': 'bold' },
    },
    {
      selector: 'node[kind = "contact"]',
      style: { width: 22, height: 22, 'background-color': CONTACT_COLOUR },
    },
    {
      selector: 'node.sensitive',
      style: { shape: 'diamond', width: 28, height: 28, 'background-color': SENSITIVE_COLOUR, 'border-width': 2, 'border-color': text },
    },
    { selector: 'node.stale', style: { 'background-opacity': 0.45 } },
    { selector: 'node:selected', style: { 'overlay-color': text, 'overlay-opacity': 0.15, 'overlay-padding': 6 } },
    { selector: 'edge', style: { width: 1.5, 'line-color': muted, 'curve-style': 'straight' } },
    { selector: 'edge.knows', style: { 'line-style': 'dashed', width: 2, 'line-color': text } },
  ];
}

/** Who belongs where and who knows whom: a pan-and-zoom graph, with the same nodes as a list beside it. */
export function NetworkView({ onOpenContact }: { onOpenContact(id: string): void }) {
  const { t } = useTranslation('contacts');
  const [type, setType] = useState<OrganisationType | ''>('');
  const network = useVigilQuery('contacts.network', type ? { types: [type] } : {});
  const container = useRef<HTMLDivElement | null>(null);
  const cy = useRef<cytoscape.Core | null>(null);
  const openContact = useRef(onOpenContact);
  useEffect(() => {
    openContact.current = onOpenContact;
  }, [onOpenContact]);

  const graph = useMemo(() => (network.data ? toElements(network.data) : null), [network.data]);

  useEffect(() => {
    if (!container.current || !graph || graph.nodes === 0) return;
    const instance = cytoscape({
      container: container.current,
      elements: graph.elements,
      style: graphStyle(),
      layout: { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, padding: 24 },
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    instance.on('tap', 'node[kind = "contact"]', (event) => {
      const id = (event.target as cytoscape.NodeSingular).data('contactId') as string;
      openContact.current(id);
    });
    // The panel may settle its size after the first layout (fonts, the list beside it): keep the graph in view.
    let fitted = false;
    const observer = new ResizeObserver(() => {
      instance.resize();
      if (!fitted) instance.fit(undefined, 24);
    });
    observer.observe(container.current);
    const settle = window.setTimeout(() => {
      fitted = true;
    }, 1000);
    cy.current = instance;
    return () => {
      window.clearTimeout(settle);
      observer.disconnect();
      instance.destroy();
      cy.current = null;
    };
  }, [graph]);

  const focus = (nodeId: string) => {
    const node = cy.current?.getElementById(nodeId);
    if (!node || node.empty()) return;
    cy.current?.elements().unselect();
    node.select();
    cy.current?.animate({ center: { eles: node }, zoom: Math.max(cy.current.zoom(), 1.2) }, { duration: 250 });
  };

  const data = network.data;
  const usedTypes = useMemo(() => ORGANISATION_TYPES.filter((o) => data?.organisations.some((org) => org.type === o)), [data]);
  const unaffiliated = data?.contacts.filter((c) => !c.organisationId || !data.organisations.some((o) => o.id === c.organisationId)) ?? [];

  return (
    <div className="contacts-network">
      <div className="contacts-toolbar">
        <Select
          aria-label={t('columns.organisationType')}
          value={type}
          onChange={(e) => setType(e.target.value as OrganisationType | '')}
          placeholder={t('filter.anyType')}
          options={ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`orgTypes.${o}`) }))}
        />
        {graph && (
          <span className="contacts-toolbar__count" role="status" data-testid="network-count">
            {t('network.count', { nodes: t('network.nodes', { count: graph.nodes }), links: t('network.links', { count: graph.edges }) })}
          </span>
        )}
        {graph && graph.nodes > 0 && (
          <Button className="contacts-toolbar__end" onClick={() => cy.current?.fit(undefined, 24)}>
            {t('network.fit')}
          </Button>
        )}
      </div>
      {network.isPending ? (
        <Spinner label={t('network.loading')} />
      ) : !data || !graph || graph.nodes === 0 ? (
        <EmptyState compact title={t(type ? 'network.emptyFiltered' : 'network.empty')} hint={type ? undefined : t('network.emptyHint')} />
      ) : (
        <div className="contacts-network__layout">
          <div className="contacts-network__main">
            <div ref={container} className="contacts-network__canvas" role="img" aria-label={t('network.graphLabel')} />
            <p className="contacts-muted contacts-network__hint">{t('network.hint')}</p>
            <ul className="contacts-network__legend" aria-label={t('network.legend')}>
              {usedTypes.map((o) => (
                <li key={o}>
                  <span className="contacts-network__swatch contacts-network__swatch--org" style={{ backgroundColor: TYPE_COLOURS[o] }} aria-hidden="true" />
                  {t(`orgTypes.${o}`)}
                </li>
              ))}
              <li>
                <span className="contacts-network__swatch" style={{ backgroundColor: CONTACT_COLOUR }} aria-hidden="true" />
                {t('network.legendContact')}
              </li>
              <li>
                <span className="contacts-network__swatch contacts-network__swatch--sensitive" style={{ backgroundColor: SENSITIVE_COLOUR }} aria-hidden="true" />
                {t('network.legendSensitive')}
              </li>
              <li>
                <span className="contacts-network__swatch contacts-network__swatch--stale" style={{ backgroundColor: CONTACT_COLOUR }} aria-hidden="true" />
                {t('network.legendStale')}
              </li>
              <li>
                <span className="contacts-network__line" aria-hidden="true" />
                {t('network.legendMember')}
              </li>
              <li>
                <span className="contacts-network__line contacts-network__line--knows" aria-hidden="true" />
                {t('network.legendKnows')}
              </li>
            </ul>
          </div>
          <nav className="contacts-network__list" aria-label={t('network.listLabel')}>
            <ul>
              {data.organisations.map((o) => {
                const people = data.contacts.filter((c) => c.organisationId === o.id);
                return (
                  <li key={o.id}>
                    <button type="button" className="contacts-link-button contacts-network__org" onClick={() => focus(`o:${o.id}`)}>
                      <span className="contacts-network__swatch contacts-network__swatch--org" style={{ backgroundColor: TYPE_COLOURS[o.type] }} aria-hidden="true" />
                      <bdi>{o.name}</bdi>
                    </button>{' '}
                    <span className="contacts-muted">({t(`orgTypes.${o.type}`)})</span>
                    {people.length > 0 && (
                      <ul>
                        {people.map((c) => (
                          <li key={c.id}>
                            <ContactItem name={c.name} sensitive={c.sensitive} onOpen={() => onOpenContact(c.id)} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
              {unaffiliated.length > 0 && (
                <li>
                  <span className="contacts-muted">{t('network.noOrganisation')}</span>
                  <ul>
                    {unaffiliated.map((c) => (
                      <li key={c.id}>
                        <ContactItem name={c.name} sensitive={c.sensitive} onOpen={() => onOpenContact(c.id)} />
                      </li>
                    ))}
                  </ul>
                </li>
              )}
            </ul>
          </nav>
        </div>
      )}
    </div>
  );
}

function ContactItem({ name, sensitive, onOpen }: { name: string; sensitive: boolean; onOpen(): void }) {
  const { t } = useTranslation('contacts');
  return (
    <button type="button" className="contacts-link-button" onClick={onOpen}>
      <bdi>{name}</bdi>
      {sensitive && <span className="contacts-network__sensitive"> · {t('sensitive.flag')}</span>}
    </button>
  );
}
