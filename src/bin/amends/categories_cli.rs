//! CLI for the incident categories.
use super::*;

#[derive(Subcommand)]
pub enum CategoriesCmd {
    /// The categories, each with how many incidents use it.
    List {
        #[arg(long)]
        json: bool,
    },
    Add {
        name: String,
    },
    /// Rename a category; its incidents follow.
    Rename {
        from: String,
        to: String,
    },
    /// Move every incident of FROM into INTO and remove FROM.
    Merge {
        from: String,
        into: String,
    },
    /// Remove a category; with incidents in it, say where they go (--move-to).
    Remove {
        name: String,
        #[arg(long, value_name = "CATEGORY")]
        move_to: Option<String>,
    },
}

pub fn categories(db: &mut Db, c: CategoriesCmd) -> Result<()> {
    match c {
        CategoriesCmd::List { json } => {
            let counts = db.category_counts()?;
            if json {
                let v: Vec<_> = counts.iter().map(|(n, k)| serde_json::json!({ "name": n, "incidents": k })).collect();
                print_json(&v);
            } else {
                for (n, k) in counts {
                    println!("{n:<20} {k}");
                }
            }
        }
        CategoriesCmd::Add { name } => {
            db.add_category(&name)?;
            println!("Added the category \"{}\".", name.trim().to_lowercase());
        }
        CategoriesCmd::Rename { from, to } => {
            db.rename_category(&from, &to)?;
            println!("Renamed \"{}\" to \"{}\".", from.trim().to_lowercase(), to.trim().to_lowercase());
        }
        CategoriesCmd::Merge { from, into } => {
            let n = db.merge_category(&from, &into)?;
            println!(
                "Moved {n} incident(s) into \"{}\" and removed \"{}\".",
                into.trim().to_lowercase(),
                from.trim().to_lowercase()
            );
        }
        CategoriesCmd::Remove { name, move_to: Some(into) } => {
            let n = db.merge_category(&name, &into)?;
            println!(
                "Moved {n} incident(s) into \"{}\" and removed \"{}\".",
                into.trim().to_lowercase(),
                name.trim().to_lowercase()
            );
        }
        CategoriesCmd::Remove { name, move_to: None } => {
            db.remove_category(&name)?;
            println!("Removed the category \"{}\".", name.trim().to_lowercase());
        }
    }
    Ok(())
}
