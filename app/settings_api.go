package app

import (
	"oms/internal/company"
)

// SettingsAPI is the company's settings and the lists its form picks from.
type SettingsAPI struct{ a *App }

// Company returns the company. ENOTFOUND before setup.
func (x *SettingsAPI) Company() (Company, error) {
	if _, err := x.a.guard(); err != nil {
		return Company{}, err
	}
	c, err := x.a.svc.Company.Find(x.a.context())
	if err != nil {
		return Company{}, err
	}
	return companyView(c), nil
}

// UpdateCompany changes the company. EINVALID names the field.
func (x *SettingsAPI) UpdateCompany(in CompanyInput) (Company, error) {
	me, err := x.a.guard()
	if err != nil {
		return Company{}, err
	}
	c, err := x.a.svc.Company.Update(x.a.context(), actorOf(me), in.domain())
	if err != nil {
		return Company{}, err
	}
	return companyView(c), nil
}

// Currencies lists the currencies a company may use.
func (x *SettingsAPI) Currencies() ([]Currency, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	var out []Currency
	for _, c := range company.Currencies() {
		out = append(out, Currency{Code: c.Code, Name: c.Name, MinorUnits: c.MinorUnits})
	}
	return out, nil
}

// Countries lists the countries by English name.
func (x *SettingsAPI) Countries() ([]Country, error) {
	if _, err := x.a.guard(); err != nil {
		return nil, err
	}
	var out []Country
	for _, c := range company.Countries() {
		out = append(out, Country{Code: c.Code, Name: c.Name})
	}
	return out, nil
}
