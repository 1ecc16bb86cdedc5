package config

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, nil, 0o600)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(tmp, "xdg"))
	for _, tc := range []struct {
		name, flag, env, want string
		wantErr               bool
	}{
		{"Default", "", "", filepath.Join(tmp, "xdg", "oms"), false},
		{"Env", "", filepath.Join(tmp, "env"), filepath.Join(tmp, "env"), false},
		{"FlagBeatsEnv", filepath.Join(tmp, "flag"), filepath.Join(tmp, "env"), filepath.Join(tmp, "flag"), false},
		{"FileIsRefused", file, "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvData, tc.env)
			got, err := DataDir(tc.flag)
			if (err != nil) != tc.wantErr || got != tc.want {
				t.Fatalf("DataDir(%q) = %q, %v; want %q", tc.flag, got, err, tc.want)
			}
		})
	}
	if DBPath("/x") != "/x/oms.db" {
		t.Fatal(DBPath("/x"))
	}
}
