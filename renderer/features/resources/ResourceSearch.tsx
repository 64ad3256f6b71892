import { Empty, Input, List, Select, Space, Switch, Tag, Typography, type InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { distanceKm, type SearchHit } from '@shared/domain/resources/resource-search';
import { RESOURCE_KINDS, type GeoPoint, type ResourceKind } from '@shared/domain/resources/resource-types';
import { useServices } from '../../services/services';
import { useSearchEpoch } from './useResources';

const LIMIT = 50;
const AVAILABILITY_COLOURS = { available: 'success', limited: 'warning', unavailable: 'default' } as const;

/**
 * 一键检索 as a component: the resources screen, the Ctrl+K dialog and (later) the incident console's
 * dispatch all use it. Keyboard first: type, ↑/↓, Enter.
 */
export function ResourceSearch({
  onOpen,
  autoFocus = false,
  kinds: fixedKinds,
  near: givenNear = null,
}: {
  onOpen: (row: SearchHit) => void;
  autoFocus?: boolean;
  kinds?: readonly ResourceKind[];
  /** A place to rank by distance from (the incident's location); otherwise the operator may pick one. */
  near?: GeoPoint | null;
}) {
  const { t } = useTranslation();
  const { resources } = useServices();
  const epoch = useSearchEpoch();
  const [query, setQuery] = useState('');
  const [kinds, setKinds] = useState<ResourceKind[]>([]);
  const [availableOnly, setAvailableOnly] = useState(false);
  const [active, setActive] = useState(0);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const places = useLiveQuery(async () => {
    const [warehouses, shelters] = await Promise.all([resources.listWarehouses(), resources.listShelters()]);
    return [...warehouses, ...shelters].filter((p) => p.location !== null);
  }, [resources]);
  const near = givenNear ?? places?.find((p) => p.id === placeId)?.location ?? null;
  const input = useRef<InputRef>(null);
  const effectiveKinds = fixedKinds ?? kinds;
  // An empty box lists nothing unless a kind is chosen: the first 50 of everything would mean nothing.
  const idle = query.trim() === '' && effectiveKinds.length === 0;
  // The rows carry the place they were ranked from: until a new place's ranking arrives, distances stay
  // those of the order shown, never new distances on the old order.
  const result = useLiveQuery(
    async () => ({
      near,
      rows: idle
        ? []
        : await resources.search(query, { kinds: effectiveKinds, availableOnly, limit: LIMIT, near }),
    }),
    // A list the database answered while the search catalogue loaded is asked again once it is read.
    [resources, query, effectiveKinds.join(','), availableOnly, idle, near?.lng, near?.lat, epoch],
  );
  const rows = result?.rows;
  const rankedFrom = result?.near ?? null;

  useEffect(() => setActive(0), [query, kinds, availableOnly]);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    const count = rows?.length ?? 0;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + count) % count);
    } else if (event.key === 'Enter' && rows?.[active]) {
      event.preventDefault();
      onOpen(rows[active]);
    }
  };

  return (
    <div className="resource-search">
      <Input.Search
        ref={input}
        allowClear
        value={query}
        placeholder={t('resources.search.placeholder')}
        aria-label={t('resources.tabs.search')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="resource-search-input"
      />
      <Space wrap size={4} style={{ margin: '8px 0' }}>
        {!fixedKinds && (
          <>
            <Tag.CheckableTag checked={kinds.length === 0} onChange={() => setKinds([])}>
              {t('resources.search.allKinds')}
            </Tag.CheckableTag>
            {RESOURCE_KINDS.map((kind) => (
              <Tag.CheckableTag
                key={kind}
                checked={kinds.includes(kind)}
                onChange={(checked) =>
                  setKinds((current) => (checked ? [...current, kind] : current.filter((k) => k !== kind)))
                }
              >
                {t(`resources.kinds.${kind}`)}
              </Tag.CheckableTag>
            ))}
          </>
        )}
        <Switch
          size="small"
          checked={availableOnly}
          onChange={setAvailableOnly}
          aria-label={t('resources.search.availableOnly')}
        />
        <Typography.Text type="secondary">{t('resources.search.availableOnly')}</Typography.Text>
        {!givenNear && (
          <Select
            allowClear
            showSearch
            size="small"
            optionFilterProp="label"
            style={{ width: 240 }}
            placeholder={t('resources.search.nearPlaceholder')}
            aria-label={t('resources.search.near')}
            value={placeId}
            onChange={(v: string | undefined) => setPlaceId(v ?? null)}
            options={(places ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {rows &&
            (rows.length >= LIMIT
              ? t('resources.search.resultsCapped', { count: LIMIT })
              : t('resources.search.results', { count: rows.length }))}
          {' · '}
          {t('resources.search.hint')}
        </Typography.Text>
      </Space>
      <SearchResults
        rows={rows}
        active={active}
        rankedFrom={rankedFrom}
        idle={idle}
        onOpen={onOpen}
        onHover={setActive}
      />
    </div>
  );
}

const quantityText = (row: SearchHit) =>
  row.quantity === null ? '' : `${row.quantity.toLocaleString('zh-CN')}${row.unit ? ` ${row.unit}` : ''}`;

/**
 * The results, drawn again only when they or the highlighted row change: typing re-renders the box, not
 * 50 rows, so the page is free when the next result comes back.
 */
const SearchResults = memo(function SearchResults({
  rows,
  active,
  rankedFrom,
  idle,
  onOpen,
  onHover,
}: {
  rows: readonly SearchHit[] | undefined;
  active: number;
  rankedFrom: GeoPoint | null;
  idle: boolean;
  onOpen: (row: SearchHit) => void;
  onHover: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <List<SearchHit>
      size="small"
      bordered
      dataSource={rows ? [...rows] : []}
      loading={rows === undefined}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={idle ? t('resources.search.idle') : t('resources.search.noResult')}
          />
        ),
      }}
      style={{ maxHeight: 420, overflow: 'auto' }}
      data-testid="resource-search-results"
      renderItem={(row, index) => (
        <List.Item
          key={row.id}
          onClick={() => onOpen(row)}
          onMouseEnter={() => onHover(index)}
          aria-selected={index === active}
          className={index === active ? 'resource-search-active' : undefined}
          style={{ cursor: 'pointer' }}
        >
          <Space size={8} style={{ width: '100%' }}>
            <Tag style={{ width: 64, textAlign: 'center' }}>{t(`resources.kinds.${row.kind}`)}</Tag>
            <Typography.Text strong>{row.name}</Typography.Text>
            {row.code && <Typography.Text type="secondary">{row.code}</Typography.Text>}
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
              {row.detail}
            </Typography.Text>
          </Space>
          <Space size={8}>
            {rankedFrom && row.location && (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {t('resources.search.distance', { km: distanceKm(rankedFrom, row.location).toFixed(1) })}
              </Typography.Text>
            )}
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {quantityText(row)}
            </Typography.Text>
            <Tag color={AVAILABILITY_COLOURS[row.availability]}>{t(`resources.status.${row.status}`)}</Tag>
          </Space>
        </List.Item>
      )}
    />
  );
});

/** Where a search result opens: a material's ledger page, or its registry tab with the record's form. */
export function resourcePath(row: Pick<SearchHit, 'kind' | 'id'>): string {
  if (row.kind === 'material') return `/resources/material/${row.id}`;
  const tab = {
    team: 'teams',
    equipment: 'equipment',
    expert: 'experts',
    shelter: 'shelters',
    warehouse: 'warehouses',
  }[row.kind];
  return `/resources/${tab}?open=${row.id}`;
}
