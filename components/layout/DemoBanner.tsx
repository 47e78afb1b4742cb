/** Tells everyone that the people and groups they see are invented. */
export function DemoBanner() {
  return (
    <div className="demo-banner">
      <div className="width-container py-2">
        <p className="m-0 body-s">
          <strong>Demonstration.</strong> Everyone and every group shown here is made up.
        </p>
      </div>
    </div>
  );
}
