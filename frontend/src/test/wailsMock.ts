import { vi } from 'vitest';

// A stand-in for src/api/wails.ts: every binding is a vi.fn that tests program,
// the model classes' createFrom passes data through, and events never fire.
const passThrough = { createFrom: (source: unknown) => source };

export const wailsMock = {
  AuthAPI: {
    SetupStatus: vi.fn(),
    CompleteSetup: vi.fn(),
    LoginUsers: vi.fn(),
    LoginPassword: vi.fn(),
    LoginPIN: vi.fn(),
    Session: vi.fn(),
    Lock: vi.fn(),
    Unlock: vi.fn(),
    Logout: vi.fn(),
    ChangeOwnPassword: vi.fn(),
    ChangeOwnPIN: vi.fn(),
  },
  UsersAPI: {
    ListUsers: vi.fn(),
    CreateUser: vi.fn(),
    ChangeRole: vi.fn(),
    ResetPassword: vi.fn(),
    SetPIN: vi.fn(),
    Deactivate: vi.fn(),
    Reactivate: vi.fn(),
    Unlock: vi.fn(),
  },
  SettingsAPI: {
    Company: vi.fn(),
    UpdateCompany: vi.fn(),
    Currencies: vi.fn(),
    Countries: vi.fn(),
  },
  StatusAPI: {
    Status: vi.fn(),
    AuditLog: vi.fn(),
  },
  SyncAPI: {
    State: vi.fn(),
    Enrol: vi.fn(),
    JoinServer: vi.fn(),
    SyncNow: vi.fn(),
    Inbox: vi.fn(),
    Exceptions: vi.fn(),
    SettleException: vi.fn(),
    OpenExceptions: vi.fn(async () => 0),
    ExceptionDetails: vi.fn(),
  },
  sync: new Proxy({}, { get: () => passThrough }),
  app: new Proxy({}, { get: () => passThrough }),
  EventsOn: vi.fn(() => () => {}),
};
