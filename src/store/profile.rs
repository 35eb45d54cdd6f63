//! The business profile row, its images and the category list.
use super::rows::{lines, parsed};
use super::sql::{args, Sql};
use super::Db;
use crate::dates;
use crate::domain::Profile;
use crate::error::{Error, Result};

/// The largest logo or signature image accepted, in bytes.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(any(test, feature = "ts"), derive(ts_rs::TS), ts(export))]
pub enum ImageSlot {
    Logo,
    Signature,
}

impl ImageSlot {
    fn column(self) -> &'static str {
        match self {
            ImageSlot::Logo => "logo",
            ImageSlot::Signature => "signature",
        }
    }
}

impl Db {
    pub fn profile(&self) -> Result<Profile> {
        self.sql().query_row("SELECT * FROM profile WHERE id = 1", (), |r| {
            Ok(Profile {
                business_name: r.get("business_name")?,
                signer_name: r.get("signer_name")?,
                signer_title: r.get("signer_title")?,
                address_lines: lines(r, "address_lines")?,
                city: r.get("city")?,
                region: r.get("region")?,
                postal_code: r.get("postal_code")?,
                country: r.get("country")?,
                phone: r.get("phone")?,
                email: r.get("email")?,
                website: r.get("website")?,
                currency: parsed(r, "currency")?,
                paper: parsed(r, "paper")?,
                date_format: parsed(r, "date_format")?,
                envelope: parsed(r, "envelope")?,
                offset_x_mm: r.get("offset_x_mm")?,
                offset_y_mm: r.get("offset_y_mm")?,
                business_type: parsed(r, "business_type")?,
                second_failure_days: r.get("second_failure_days")?,
                margin_percent: r.get("margin_percent")?,
                churn_percent: r.get("churn_percent")?,
            })
        })
    }

    /// Check and save the whole profile; returns it as stored.
    pub fn save_profile(&mut self, p: &Profile) -> Result<Profile> {
        let p = p.validated()?;
        self.write(|tx| write_profile(tx, &p))?;
        Ok(p)
    }

    pub fn image(&self, slot: ImageSlot) -> Result<Option<Vec<u8>>> {
        let sql = format!("SELECT {} FROM profile WHERE id = 1", slot.column());
        self.sql().one(&sql, ())
    }

    /// Store (or with `None`, remove) the logo or signature image. The bytes
    /// are checked to be PNG or JPEG of a sane size.
    pub fn set_image(&mut self, slot: ImageSlot, bytes: Option<&[u8]>) -> Result<()> {
        if let Some(b) = bytes {
            check_image(slot, b)?;
        }
        let sql = format!("UPDATE profile SET {} = ? WHERE id = 1", slot.column());
        self.write(|tx| {
            tx.execute(&sql, args![bytes])?;
            Ok(())
        })
    }

    pub fn categories(&self) -> Result<Vec<String>> {
        self.sql().query_map("SELECT name FROM categories ORDER BY position, name", (), |r| r.get(0))
    }

    pub fn add_category(&mut self, name: &str) -> Result<()> {
        let name = crate::text::required("category", name, "A category needs a name.", 60)?.to_lowercase();
        crate::text::single_line("category", &name)?;
        self.write(|tx| {
            let exists: bool = tx.one("SELECT EXISTS (SELECT 1 FROM categories WHERE name = ?)", [&name])?;
            if exists {
                return Err(Error::invalid("category", format!("There is already a category called \"{name}\".")));
            }
            tx.execute(
                "INSERT INTO categories (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories))",
                [&name],
            )?;
            Ok(())
        })
    }
}

impl Db {
    /// Rename a category; its incidents follow (the foreign key cascades, and
    /// the chart counts move with them through their trigger).
    pub fn rename_category(&mut self, from: &str, to: &str) -> Result<()> {
        let from = from.trim().to_lowercase();
        let to = crate::text::required("category", to, "A category needs a name.", 60)?.to_lowercase();
        crate::text::single_line("category", &to)?;
        self.write(|tx| {
            category_exists(tx, &from)?;
            if from == to {
                return Ok(());
            }
            let taken: bool = tx.one("SELECT EXISTS (SELECT 1 FROM categories WHERE name = ?)", [&to])?;
            if taken {
                return Err(Error::invalid(
                    "category",
                    format!("There is already a category called \"{to}\". To put \"{from}\" into it, merge them."),
                ));
            }
            tx.execute("UPDATE categories SET name = ? WHERE name = ?", args![to, from])?;
            Ok(())
        })
    }

    /// Move every incident of `from` into `into` and remove `from`: merging two
    /// categories, or removing one without losing its incidents. Returns how
    /// many incidents moved.
    pub fn merge_category(&mut self, from: &str, into: &str) -> Result<usize> {
        let (from, into) = (from.trim().to_lowercase(), into.trim().to_lowercase());
        if from == into {
            return Err(Error::invalid("category", "Choose a different category to move the incidents to."));
        }
        self.write(|tx| {
            category_exists(tx, &from)?;
            category_exists(tx, &into)?;
            let moved = tx.execute("UPDATE incidents SET category = ? WHERE category = ?", args![into, from])?;
            tx.execute("UPDATE causes SET category = ? WHERE category = ?", args![into, from])?;
            tx.execute("DELETE FROM categories WHERE name = ?", [&from])?;
            Ok(moved)
        })
    }

    /// Every category with the number of incidents in it, in the order shown.
    pub fn category_counts(&self) -> Result<Vec<(String, i64)>> {
        self.sql().query_map(
            "SELECT c.name, (SELECT COUNT(*) FROM incidents i WHERE i.category = c.name) FROM categories c ORDER BY c.position, c.name",
            (),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Remove a category that no incident uses.
    pub fn remove_category(&mut self, name: &str) -> Result<()> {
        let name = name.trim().to_lowercase();
        self.write(|tx| {
            category_exists(tx, &name)?;
            let used: i64 = tx.one("SELECT COUNT(*) FROM incidents WHERE category = ?", [&name])?;
            if used > 0 {
                return Err(Error::invalid(
                    "category",
                    format!("{used} incident(s) are in \"{name}\". Choose a category to move them to first."),
                ));
            }
            tx.execute("UPDATE causes SET category = NULL WHERE category = ?", [&name])?;
            tx.execute("DELETE FROM categories WHERE name = ?", [&name])?;
            Ok(())
        })
    }
}

fn category_exists(tx: &Sql, name: &str) -> Result<()> {
    let exists: bool = tx.one("SELECT EXISTS (SELECT 1 FROM categories WHERE name = ?)", [name])?;
    if exists {
        Ok(())
    } else {
        Err(Error::invalid("category", format!("There is no category called \"{name}\".")))
    }
}

fn check_image(slot: ImageSlot, b: &[u8]) -> Result<()> {
    let field = slot.column();
    if b.len() > MAX_IMAGE_BYTES {
        return Err(Error::invalid(
            field,
            format!(
                "That image is {:.1} MB; the limit is 5 MB. Please use a smaller picture.",
                b.len() as f64 / 1_048_576.0
            ),
        ));
    }
    let png = b.starts_with(b"\x89PNG\r\n\x1a\n");
    let jpeg = b.starts_with(&[0xFF, 0xD8, 0xFF]);
    if !png && !jpeg {
        return Err(Error::invalid(field, "That file is not a PNG or JPEG picture."));
    }
    Ok(())
}

/// Save a profile that has been through `Profile::validated`, inside a
/// transaction of the caller's (sample data saves its profile with its records).
pub(crate) fn write_profile(tx: &Sql, p: &Profile) -> Result<()> {
    tx.execute(
        "UPDATE profile SET business_name = ?, signer_name = ?, signer_title = ?, address_lines = ?,
            city = ?, region = ?, postal_code = ?, country = ?, phone = ?, email = ?, website = ?,
            currency = ?, paper = ?, date_format = ?, envelope = ?, offset_x_mm = ?, offset_y_mm = ?,
            business_type = ?, second_failure_days = ?, margin_percent = ?, churn_percent = ?,
            updated_at = ?
         WHERE id = 1",
        args![
            p.business_name,
            p.signer_name,
            p.signer_title,
            p.address_lines.join("\n"),
            p.city,
            p.region,
            p.postal_code,
            p.country,
            p.phone,
            p.email,
            p.website,
            p.currency.code(),
            p.paper.key(),
            p.date_format.key(),
            p.envelope.key(),
            p.offset_x_mm,
            p.offset_y_mm,
            p.business_type.key(),
            p.second_failure_days,
            p.margin_percent,
            p.churn_percent,
            dates::to_text(dates::now()),
        ],
    )?;
    Ok(())
}
