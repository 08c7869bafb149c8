/**
 * TechStacks (github.com/NetCoreApps/TechStacks): TechStacks.ServiceModel/Technologies.cs,
 * Posts.cs, App.cs; TechStacks.ServiceModel/Types/TechnologyStack.cs, Posts.cs. Not built with
 * nullable annotations, so only `[Required]`/`[ApiMember]` would make a member required (none do).
 * The host sets `JsConfig.DateHandler = ISO8601` (TechStacks/Configure.AppHost.cs); the AppHost
 * is named "TechStacks!". `TechnologyServicesAdmin` is `[Authenticate]`.
 */
import type { ApiSpec, TypeSpec } from '../apis.js';
import { m, strings } from './member.js';

const OPS = 'TechStacks.ServiceModel';
const TYPES = 'TechStacks.ServiceModel.Types';

const status = m('ResponseStatus', 'ResponseStatus');

const technologyBase: TypeSpec = {
  name: 'TechnologyBase',
  namespace: TYPES,
  abstract: true,
  members: [
    m('Id', 'long'),
    ...strings(['Name', 'VendorName', 'VendorUrl', 'ProductUrl', 'LogoUrl', 'Description']),
    m('Created', 'DateTime'),
    m('CreatedBy', 'string'),
    m('LastModified', 'DateTime'),
    ...strings(['LastModifiedBy', 'OwnerId', 'Slug']),
    m('LogoApproved', 'bool'),
    m('IsLocked', 'bool'),
    m('Tier', 'TechnologyTier'),
    m('LastStatusUpdate', 'DateTime?'),
    m('OrganizationId', 'int?'),
    m('CommentsPostId', 'long?'),
    m('ViewCount', 'int'),
    m('FavCount', 'int'),
  ],
};

const technologyStackBase: TypeSpec = {
  name: 'TechnologyStackBase',
  namespace: TYPES,
  abstract: true,
  members: [
    m('Id', 'long'),
    ...strings(['Name', 'VendorName', 'Description', 'AppUrl', 'ScreenshotUrl']),
    m('Created', 'DateTime'),
    m('CreatedBy', 'string'),
    m('LastModified', 'DateTime'),
    m('LastModifiedBy', 'string'),
    m('IsLocked', 'bool'),
    ...strings(['OwnerId', 'Slug', 'Details', 'DetailsHtml']),
    m('LastStatusUpdate', 'DateTime?'),
    m('OrganizationId', 'int?'),
    m('CommentsPostId', 'long?'),
    m('ViewCount', 'int'),
    m('FavCount', 'int'),
  ],
};

const postComment: TypeSpec = {
  name: 'PostComment',
  namespace: TYPES,
  members: [
    m('Id', 'long'),
    m('PostId', 'long'),
    m('UserId', 'int'),
    m('ReplyId', 'long?'),
    m('Content', 'string'),
    m('ContentHtml', 'string'),
    m('Score', 'int'),
    m('Rank', 'int'),
    m('UpVotes', 'long'),
    m('DownVotes', 'long'),
    m('Favorites', 'long'),
    m('WordCount', 'int'),
    m('ReportCount', 'int'),
    m('Deleted', 'DateTime?'),
    m('Hidden', 'DateTime?'),
    m('Modified', 'DateTime'),
    m('Created', 'DateTime'),
    m('CreatedBy', 'string'),
  ],
};

const TIERS: [string, string][] = [
  ['ProgrammingLanguage', 'Programming Languages'],
  ['Client', 'Client Libraries'],
  ['Http', 'HTTP Server Technologies'],
  ['Server', 'Server Libraries'],
  ['Data', 'Databases and NoSQL Datastores'],
  ['SoftwareInfrastructure', 'Server Software'],
  ['OperatingSystem', 'Operating Systems'],
  ['HardwareInfrastructure', 'Cloud/Hardware Infrastructure'],
  ['ThirdPartyServices', '3rd Party APIs/Services'],
];

const queryPostComments: TypeSpec = {
  name: 'QueryPostComments',
  namespace: OPS,
  base: 'QueryDb<PostComment>',
  members: [
    ...['Id', 'UserId', 'PostId'].map((n) => m(n, 'long?')),
    m('ContentContains', 'string'),
    ...['UpVotesAbove', 'UpVotesBelow', 'DownVotesAbove', 'DownVotes', 'FavoritesAbove', 'FavoritesBelow'].map((n) => m(n, 'long?')),
    ...['WordCountAbove', 'WordCountBelow', 'ReportCountAbove', 'ReportCountBelow'].map((n) => m(n, 'int?')),
  ],
};

const technologyFields = [
  ...strings(['Name', 'VendorName', 'VendorUrl', 'ProductUrl', 'LogoUrl', 'Description']),
  m('IsLocked', 'bool'),
  m('Tier', 'TechnologyTier'),
];

export const TECHSTACKS: ApiSpec = {
  key: 'techstacks',
  source: 'github.com/NetCoreApps/TechStacks: TechStacks.ServiceModel/{Technologies,Posts,App}.cs, Types/{TechnologyStack,Posts}.cs',
  service: 'TechStacks!',
  host: 'techstacks.io',
  jsonDates: 'iso8601',
  types: [
    queryPostComments,
    { name: 'GetTechnology', namespace: OPS, members: [m('Slug', 'string')] },
    {
      name: 'GetTechnologyResponse',
      namespace: OPS,
      members: [m('Created', 'DateTime'), m('Technology', 'Technology'), m('TechnologyStacks', 'List<TechnologyStack>'), status],
    },
    { name: 'CreateTechnology', namespace: OPS, members: [m('Name', 'string'), m('Slug', 'string'), ...technologyFields.slice(1)] },
    { name: 'CreateTechnologyResponse', namespace: OPS, members: [m('Result', 'Technology'), status] },
    { name: 'DeleteTechnology', namespace: OPS, members: [m('Id', 'long')] },
    { name: 'DeleteTechnologyResponse', namespace: OPS, members: [m('Result', 'Technology'), status] },
    { name: 'GetConfig', namespace: OPS, members: [] },
    { name: 'GetConfigResponse', namespace: OPS, members: ['AllTiers', 'AllPostTypes', 'AllFlagTypes'].map((n) => m(n, 'List<Option>')) },
    {
      name: 'Option',
      namespace: OPS,
      dataContract: true,
      members: [
        m('Name', 'string', { dataMember: { name: 'name' } }),
        m('Title', 'string', { dataMember: { name: 'title' } }),
        m('Value', 'TechnologyTier?', { dataMember: { name: 'value' } }),
      ],
    },
    postComment,
    technologyBase,
    { name: 'Technology', namespace: TYPES, base: 'TechnologyBase', members: [] },
    technologyStackBase,
    { name: 'TechnologyStack', namespace: TYPES, base: 'TechnologyStackBase', members: [] },
    {
      name: 'TechnologyTier',
      namespace: TYPES,
      enum: { members: TIERS.map(([name, description], value) => ({ name, value, description })) },
    },
  ],
  operations: [
    { name: 'QueryPostComments', routes: [{ path: '/posts/comment', verbs: 'GET' }], response: 'QueryResponse<PostComment>' },
    { name: 'GetTechnology', routes: [{ path: '/technology/{Slug}' }], response: 'GetTechnologyResponse' },
    { name: 'CreateTechnology', routes: [{ path: '/technology', verbs: 'POST' }], auth: {}, response: 'CreateTechnologyResponse' },
    { name: 'DeleteTechnology', routes: [{ path: '/technology/{Id}', verbs: 'DELETE' }], auth: {}, response: 'DeleteTechnologyResponse' },
    { name: 'GetConfig', routes: [{ path: '/config' }], response: 'GetConfigResponse' },
  ],
};
